package dev.rl4j.diagnostics.rl4j;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * A DL4J listener on the learner's Q-network that lets the legacy adapter look between two updates inside an
 * episode: RL4J calls legacy listeners only at episode boundaries, but a learner whose update is DL4J's {@code fit}
 * (RL4J's DQN and double DQN) makes the network call {@code iterationDone} after every update. It reacts only to
 * {@code network} itself (a clone that inherits the listener is ignored) and only while active; it reads nothing
 * and changes nothing itself. Learners that step the parameters directly (PreQN) never trigger it.
 */
final class UpdateHook extends BaseTrainingListener {

    private final MultiLayerNetwork network;
    private final Runnable afterUpdate;
    private volatile boolean active = true;

    UpdateHook(MultiLayerNetwork network, Runnable afterUpdate) {
        this.network = Objects.requireNonNull(network, "network");
        this.afterUpdate = Objects.requireNonNull(afterUpdate, "afterUpdate");
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (active && model == network) {
            afterUpdate.run();
        }
    }

    /** Stops reacting (training ended; the network keeps the listener object, which then does nothing). */
    void deactivate() {
        active = false;
    }

    boolean isOn(MultiLayerNetwork candidate) {
        return active && candidate == network;
    }
}
