package dev.rl4j.diagnostics.rl4j;

import dev.rl4j.diagnostics.DiagnosticsConfig;
import dev.rl4j.diagnostics.NtkMonitor;
import dev.rl4j.diagnostics.Transition;
import dev.rl4j.internals.Rl4jInternals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * Legacy pipeline adapter ({@code QLearningDiscreteDense} and co.): RL4J calls it once per episode, so a probe runs
 * at the first episode end at which the {@code ProbeSchedule} says one is due (by default: the first episode end after
 * the learner's first update), on a uniform sample
 * of the learner's replay memory (read, never sampled through RL4J's generator). Findings in {@code stopOn} make every
 * callback answer {@code STOP}.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TrainingListenerAdapter implements TrainingListener {

    private final NtkMonitor monitor;

    /** An adapter driving {@code monitor}. */
    public TrainingListenerAdapter(NtkMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public ListenerResponse onTrainingStart() {
        return response();
    }

    @Override
    public void onTrainingEnd() {
        monitor.guard("onTrainingEnd", monitor::close);
    }

    @Override
    public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
        monitor.guard("onNewEpoch", () -> bind(trainer));
        return response();
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        monitor.guard("onEpochTrainingResult", () -> {
            bind(trainer);
            monitor.recordProgress(trainer.getStepCount(), trainer.getEpochCount() + 1L);
            long updates = LearnerDiscovery.updateCount(monitor.owner(), monitor.network());
            if (monitor.isProbeDue(updates)) {
                long start = System.nanoTime();
                monitor.probe(replaySample(), updates, start);
            }
        });
        return response();
    }

    @Override
    public ListenerResponse onTrainingProgress(ILearning learning) {
        return response();
    }

    private ListenerResponse response() {
        return monitor.stopRequested() ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
    }

    private void bind(Object trainer) {
        if (monitor.isBoundTo(trainer)) {
            return;
        }
        DiagnosticsConfig c = monitor.config();
        MultiLayerNetwork net = c.network() != null ? c.network()
                : LearnerDiscovery.legacyNetwork(trainer).orElseThrow(LearnerDiscovery.REMEDY_NETWORK);
        double gamma = c.gamma() != null ? c.gamma()
                : LearnerDiscovery.legacyGamma(trainer).orElseThrow(LearnerDiscovery.REMEDY_GAMMA);
        monitor.bind(trainer, net, gamma, () -> LearnerDiscovery.stepSizeProvider(trainer),
                LearnerDiscovery.targetSyncInterval(trainer).orElse(null));
    }

    /** Up to probeSize usable transitions of the replay memory (both observations present and not skipped). */
    private List<Transition> replaySample() {
        Collection<?> storage = Rl4jInternals.replayStorage(monitor.owner())
                .orElseThrow("use the builder pipeline, where the listener keeps its own reservoir");
        Object[] all = storage.toArray();
        List<StateActionRewardState<?>> usable = new ArrayList<>(all.length);
        for (Object o : all) {
            if (o instanceof StateActionRewardState<?> t && t.getNextObservation() != null
                    && !t.getObservation().isSkipped() && !t.getNextObservation().isSkipped()) {
                monitor.recordReward(t.getReward()); // already scaled by rewardFactor in QLearningDiscrete
                usable.add(t);
            }
        }
        List<Transition> out = new ArrayList<>();
        for (StateActionRewardState<?> t : monitor.sample(usable)) {
            out.add(new Transition(ObservationCopy.of(t.getObservation()), ((Number) t.getAction()).intValue(),
                    t.getReward(), ObservationCopy.of(t.getNextObservation()), t.isTerminal()));
        }
        return out;
    }
}
