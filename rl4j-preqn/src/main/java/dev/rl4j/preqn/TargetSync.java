package dev.rl4j.preqn;

import dev.rl4j.diagnostics.BootstrapSource;
import java.util.Objects;
import org.deeplearning4j.rl4j.agent.learning.update.updater.INeuralNetUpdater;
import org.deeplearning4j.rl4j.network.ITrainableNeuralNet;

/**
 * RL4J's second half of an update for PreQN: the parameters were already stepped by {@link PreQNUpdateAlgorithm},
 * so this only copies current -> target every {@code frequency} updates, counted as RL4J's
 * {@code BaseSyncNeuralNetUpdater} counts them (every update, skipped ones included). Without a target network it
 * does nothing.
 */
final class TargetSync implements INeuralNetUpdater<PreQNUpdate>, BootstrapSource {

    private final ITrainableNeuralNet current;
    private final ITrainableNeuralNet target;   // null: no target network
    private final int frequency;
    private long updates;

    TargetSync(ITrainableNeuralNet current, ITrainableNeuralNet target, int frequency) {
        this.current = Objects.requireNonNull(current, "current");
        if (target != null && frequency < 1) {
            throw new IllegalArgumentException("targetUpdateFrequency must be >= 1, got " + frequency);
        }
        this.target = target;
        this.frequency = frequency;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void update(PreQNUpdate update) {
        if (target != null && ++updates % frequency == 0) {
            target.copyFrom(current);
        }
    }

    /** 1 without a target network (PreQN bootstraps from the network it updates), else the copy frequency. */
    @Override
    public int targetSyncInterval() {
        return target == null ? 1 : frequency;
    }

    @Override
    public void synchronizeCurrent() {
        // one current network in the sync setup, as in RL4J
    }
}
