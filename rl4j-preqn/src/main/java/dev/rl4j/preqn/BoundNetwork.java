package dev.rl4j.preqn;

import dev.rl4j.ntk.DoubleRows;

import dev.rl4j.internals.Rl4jInternals;
import java.util.Objects;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.network.BaseNetwork;
import org.deeplearning4j.rl4j.network.IOutputNeuralNet;
import org.deeplearning4j.rl4j.network.NeuralNet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An RL4J Q-network seen two ways: as RL4J's {@link IOutputNeuralNet} (whose output cache must be invalidated after
 * a direct parameter change) and as the {@link MultiLayerNetwork} it wraps (read and stepped directly).
 * Legacy {@code DQN} exposes its network through {@code getNeuralNetworks()}; a builder-pipeline {@code QNetwork}
 * hides it in a private handler, read through {@link Rl4jInternals#multiLayerNetwork} (works on JDK 17 on the
 * classpath); if it is not there, that reader's message says which field on which class was missing.
 */
record BoundNetwork(IOutputNeuralNet rl4j, MultiLayerNetwork mln) {

    BoundNetwork {
        Objects.requireNonNull(rl4j, "rl4j");
        Objects.requireNonNull(mln, "mln");
    }

    static BoundNetwork of(IOutputNeuralNet net) {
        Objects.requireNonNull(net, "net");
        return new BoundNetwork(net, multiLayerNetworkOf(net));
    }

    /**
     * Q-values of a batch in double, N x numActions; inference mode, the network is not modified. The output is
     * widened to double and read in one bulk copy ({@link DoubleRows}).
     */
    double[][] q(INDArray states) {
        INDArray out = mln.output(states.castTo(mln.params().dataType()), false);
        return DoubleRows.of(out);
    }

    /** Invalidates RL4J's output cache after a direct parameter change (QNetwork: cache; DQN: no-op). */
    void invalidateCache() {
        rl4j.reset();
    }

    private static MultiLayerNetwork multiLayerNetworkOf(IOutputNeuralNet net) {
        if (net instanceof NeuralNet<?> legacy) {
            NeuralNetwork[] nns = legacy.getNeuralNetworks();
            if (nns != null && nns.length == 1 && nns[0] instanceof MultiLayerNetwork m) {
                return m;
            }
        }
        if (net instanceof BaseNetwork<?>) {
            return Rl4jInternals.multiLayerNetwork(net)
                    .orElseThrow("PreQN needs a QNetwork built on a MultiLayerNetwork (or a legacy DQN)");
        }
        throw new IllegalArgumentException("PreQN needs a DQN or QNetwork backed by a MultiLayerNetwork, got "
                + net.getClass().getName());
    }
}
