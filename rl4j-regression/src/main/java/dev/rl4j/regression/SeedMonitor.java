package dev.rl4j.regression;

import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.ProbeSink;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * Records one seed's episode returns in either RL4J pipeline and ends the run at the time limit or at a forbidden
 * finding. Legacy: each {@code onEpochTrainingResult} carries the episode's return ({@code StatEntry.getReward()})
 * and the learner's step count; a STOP is honoured between episodes. Builder: rewards of {@code onAfterStep} are
 * summed and an episode is recorded at {@code onAfterEpisode} (RL4J skips it for an episode ended by a STOP); a
 * STOP ends the current episode and the trainer's stopping condition reads {@link #stopRequested()}. As a
 * {@link ProbeSink} it sees every diagnostics probe.
 */
final class SeedMonitor implements TrainingListener, AgentListener<Integer>, ProbeSink {

    /** Why the monitor stopped the run. */
    enum Stop { NONE, TIME_LIMIT, FORBIDDEN_FINDING }

    private final long deadlineNanos;
    private final Set<FindingKind> forbidden;
    private final List<Double> returns = new ArrayList<>();
    private final List<Long> endSteps = new ArrayList<>();
    private final Map<FindingKind, Long> firstUpdate = new EnumMap<>(FindingKind.class);
    private Stop stop = Stop.NONE;
    private long probes;
    private long agentSteps;
    private double episodeReward;
    private Observation lastObservation;

    /**
     * @param deadlineNanos {@code System.nanoTime()} after which the run is stopped; {@code Long.MAX_VALUE} for none
     * @param forbidden     finding kinds that end the run as soon as they become active
     */
    SeedMonitor(long deadlineNanos, Set<FindingKind> forbidden) {
        this.deadlineNanos = deadlineNanos;
        this.forbidden = forbidden;
    }

    List<Double> returns() {
        return returns;
    }

    List<Long> endSteps() {
        return endSteps;
    }

    Map<FindingKind, Long> firstUpdate() {
        return firstUpdate;
    }

    long probes() {
        return probes;
    }

    long agentSteps() {
        return agentSteps;
    }

    Stop stop() {
        return stop;
    }

    /** The observation of the builder pipeline's latest step, for the final non-finite check; null in legacy runs. */
    Observation lastObservation() {
        return lastObservation;
    }

    /** True once the run must end (time limit or forbidden finding). */
    boolean stopRequested() {
        if (stop == Stop.NONE && deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0) {
            stop = Stop.TIME_LIMIT;
        }
        return stop != Stop.NONE;
    }

    // ---------------------------------------------------------------- diagnostics (ProbeSink)

    @Override
    public void accept(ProbeRecord record) {
        probes++;
        for (Finding f : record.active()) {
            firstUpdate.putIfAbsent(f.kind(), record.measurement().update());
            if (forbidden.contains(f.kind()) && stop == Stop.NONE) {
                stop = Stop.FORBIDDEN_FINDING;
            }
        }
    }

    // ---------------------------------------------------------------- legacy pipeline

    @Override
    public TrainingListener.ListenerResponse onTrainingStart() {
        return legacy();
    }

    @Override
    public void onTrainingEnd() {
        // nothing to release
    }

    @Override
    public TrainingListener.ListenerResponse onNewEpoch(IEpochTrainer trainer) {
        return legacy();
    }

    @Override
    public TrainingListener.ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry stat) {
        returns.add(stat.getReward());
        endSteps.add((long) stat.getStepCounter());
        return legacy();
    }

    @Override
    public TrainingListener.ListenerResponse onTrainingProgress(ILearning learning) {
        return legacy();
    }

    private TrainingListener.ListenerResponse legacy() {
        return stopRequested() ? TrainingListener.ListenerResponse.STOP : TrainingListener.ListenerResponse.CONTINUE;
    }

    // ---------------------------------------------------------------- builder pipeline

    @Override
    public AgentListener.ListenerResponse onBeforeEpisode(Agent agent) {
        episodeReward = 0;
        return agent();
    }

    @Override
    public AgentListener.ListenerResponse onBeforeStep(Agent agent, Observation observation, Integer action) {
        lastObservation = observation;
        return agent();
    }

    @Override
    public AgentListener.ListenerResponse onAfterStep(Agent agent, StepResult stepResult) {
        agentSteps++;
        episodeReward += stepResult.getReward();
        return agent();
    }

    @Override
    public void onAfterEpisode(Agent agent) {
        returns.add(episodeReward);
        endSteps.add(agentSteps);
        episodeReward = 0;
    }

    /** STOP on every callback once stopping: the trainer's condition also reads {@link #stopRequested()}. */
    private AgentListener.ListenerResponse agent() {
        return stopRequested() ? AgentListener.ListenerResponse.STOP : AgentListener.ListenerResponse.CONTINUE;
    }
}
