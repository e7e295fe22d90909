package dev.rl4j.diagnostics;

import dev.rl4j.diagnostics.rl4j.AgentListenerAdapter;
import dev.rl4j.diagnostics.rl4j.TrainingListenerAdapter;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * Live divergence early-warning for RL4J DQN-family and PreQN training: on a {@link ProbeSchedule} (by default from
 * the learner's first update, dense early, backing off while nothing worsens) it probes the Q-network's empirical
 * NTK on a batch of experienced transitions and turns the contraction conditions of Achiam et al. (2019, Thm. 2),
 * SEEM, soft divergence, feature rank and numeric health into named {@link Finding}s.
 *
 * <pre>{@code
 * NtkDiagnostics diagnostics = NtkDiagnostics.builder().csv(Path.of("ntk.csv")).build();
 * legacyLearner.addListener(diagnostics);                    // QLearningDiscreteDense & co (TrainingListener)
 * // or, builder pipeline: agentLearnerListeners.add(diagnostics);  (AgentListener<Integer>)
 * }</pre>
 *
 * <p>A facade: the RL4J callbacks go to {@link TrainingListenerAdapter} (legacy: probes at episode ends on a sample
 * of the replay memory) and {@link AgentListenerAdapter} (builder: probes after steps on its own reservoir), which
 * find network, gamma and update count on the learner ({@code dev.rl4j.diagnostics.rl4j.LearnerDiscovery}; what
 * cannot be found is taken from the builder, and the error names the builder method) and drive the RL4J-free core
 * {@link NtkMonitor}. Alpha is resolved per probe by {@link StepSize#resolve}: the builder's value, a
 * {@link StepSizeProvider}, plain SGD with MSE (2 lr / nOut), else measured from one real update.
 *
 * <p><b>It does not disturb training.</b> It draws only from its own generator, never calls the replay memory's
 * sampling, never writes the network (for adaptive optimisers a read-only DL4J listener copies one update per probe
 * interval). Memory is bounded by the reservoir, the history and one probe batch.
 *
 * <p><b>Stopping.</b> Findings whose kind is in {@link NtkDiagnosticsBuilder#stopOn} end training: legacy callbacks return
 * {@code STOP}. In the builder pipeline an agent listener's STOP only ends the current episode (it is returned once),
 * so also wrap the trainer's stopping condition: {@code new SyncTrainer<>(builder, diagnostics.orStopRequested(t -> t.getStepCount() >= max))},
 * or poll {@link #stopRequested()}.
 *
 * <p><b>Failures.</b> An exception inside the listener (including a sink) is logged at ERROR with its context and
 * the listener disables itself (training goes on), unless {@link NtkDiagnosticsBuilder#rethrowErrors(boolean)} was set.
 *
 * <p>Not thread-safe: RL4J calls listeners on the training thread. Stability: experimental. @since 0.1
 */
public final class NtkDiagnostics implements TrainingListener, AgentListener<Integer>, AutoCloseable {

    /**
     * Default debouncing: a finding is active from the first probe that meets it. Chosen by {@code rl4j-lab calibrate}
     * on tuning seeds 1-3 (docs/results.md#calibration): with OVER_GENERALIZATION and SELF_EXCITING as INFO, 1
     * probe recalled 5 of 21 diverged runs against 3 of 21 with 3 probes, at 1 of 30 false alarms against 0.
     */
    public static final int DEFAULT_CONSECUTIVE_PROBES = 1;
    /** Default number of transitions per probe: a 256 x 256 kernel (probe cost: docs/results.md). */
    public static final int DEFAULT_PROBE_SIZE = 256;

    private final NtkMonitor monitor;
    private final TrainingListenerAdapter legacy;
    private final AgentListenerAdapter agent;

    NtkDiagnostics(NtkMonitor monitor) {
        this.monitor = monitor;
        this.legacy = new TrainingListenerAdapter(monitor);
        this.agent = new AgentListenerAdapter(monitor);
    }

    /** A builder with every default. */
    public static NtkDiagnosticsBuilder builder() {
        return new NtkDiagnosticsBuilder();
    }

    /** The most recent probe records, oldest first, at most {@code historyCapacity}; a copy. */
    public List<ProbeRecord> history() {
        return monitor.history();
    }

    /** The validated settings (for tests in this package). */
    DiagnosticsConfig config() {
        return monitor.config();
    }

    /** True once a finding listed in {@code stopOn} became active. */
    public boolean stopRequested() {
        return monitor.stopRequested();
    }

    /** True once the listener disabled itself after an internal exception. */
    public boolean isDisabled() {
        return monitor.isDisabled();
    }

    /**
     * A stopping condition for RL4J's {@code SyncTrainer} that also ends the run when this listener requests a stop:
     * {@code t -> stopRequested() || base.test(t)}.
     */
    public <T> Predicate<T> orStopRequested(Predicate<T> base) {
        Objects.requireNonNull(base, "base");
        return t -> monitor.stopRequested() || base.test(t);
    }

    /** Closes every sink (files) and detaches the update meter; idempotent. */
    @Override
    public void close() {
        monitor.close();
    }

    // ---------------------------------------------------------------- legacy pipeline (TrainingListener)

    @Override
    public TrainingListener.ListenerResponse onTrainingStart() {
        return legacy.onTrainingStart();
    }

    @Override
    public void onTrainingEnd() {
        legacy.onTrainingEnd();
    }

    @Override
    public TrainingListener.ListenerResponse onNewEpoch(IEpochTrainer trainer) {
        return legacy.onNewEpoch(trainer);
    }

    @Override
    public TrainingListener.ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry entry) {
        return legacy.onEpochTrainingResult(trainer, entry);
    }

    @Override
    public TrainingListener.ListenerResponse onTrainingProgress(ILearning learning) {
        return legacy.onTrainingProgress(learning);
    }

    // ---------------------------------------------------------------- builder pipeline (AgentListener)

    @Override
    public AgentListener.ListenerResponse onBeforeEpisode(Agent agent) {
        return this.agent.onBeforeEpisode(agent);
    }

    @Override
    public AgentListener.ListenerResponse onBeforeStep(Agent agent, Observation observation, Integer action) {
        return this.agent.onBeforeStep(agent, observation, action);
    }

    @Override
    public AgentListener.ListenerResponse onAfterStep(Agent agent, StepResult stepResult) {
        return this.agent.onAfterStep(agent, stepResult);
    }

    @Override
    public void onAfterEpisode(Agent agent) {
        this.agent.onAfterEpisode(agent);
    }

    @Override
    public String toString() {
        DiagnosticsConfig c = monitor.config();
        return "NtkDiagnostics{schedule=" + c.schedule() + ", probeSize=" + c.probeSize() + ", probes="
                + monitor.probes() + ", disabled=" + monitor.isDisabled() + ", stopOn=" + c.stopOn() + "}";
    }
}
