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
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Legacy pipeline adapter ({@code QLearningDiscreteDense} and co.): RL4J calls it once per episode, so a probe runs
 * at the first episode end at which the {@code ProbeSchedule} says one is due, on a uniform sample of the learner's
 * replay memory (read, never sampled through RL4J's generator). When the learner updates through DL4J's {@code fit}
 * (RL4J's DQN and double DQN), an {@link UpdateHook} on the Q-network also lets a due probe run right after the update
 * that makes it due, inside an episode (by default the first probe then follows the first update, not the first
 * episode end); the probe allocates outside any DL4J workspace and only reads. Findings in {@code stopOn} make every
 * callback answer {@code STOP} (at the next episode boundary).
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TrainingListenerAdapter implements TrainingListener {

    private final NtkMonitor monitor;
    private UpdateHook hook;

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
        if (hook != null) {
            hook.deactivate();
        }
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
            probeIfDue(LearnerDiscovery.updateCount(monitor.owner(), monitor.network()));
        });
        return response();
    }

    /** Inside an episode, right after update number {@code updates} (the update rule counts it after the fit). */
    private void afterUpdate() {
        monitor.guard("iterationDone", () -> {
            if (monitor.owner() instanceof IEpochTrainer t) {
                monitor.recordProgress(t.getStepCount(), t.getEpochCount());
            }
            probeIfDue(LearnerDiscovery.updateCount(monitor.owner(), monitor.network()) + 1);
        });
    }

    /** Probes when the schedule says so; not after a stop request (training ends at the next episode boundary). */
    private void probeIfDue(long updates) {
        if (!monitor.stopRequested() && monitor.isProbeDue(updates)) {
            long start = System.nanoTime();
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                monitor.probe(replaySample(), updates, start);
            }
        }
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
        if (hook == null || !hook.isOn(net)) {
            if (hook != null) {
                hook.deactivate();
            }
            hook = new UpdateHook(net, this::afterUpdate);
            net.addListeners(hook);
        }
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
