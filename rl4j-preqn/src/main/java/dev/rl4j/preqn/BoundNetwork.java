package dev.rl4j.preqn;

import java.lang.reflect.Field;
import java.util.Objects;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.network.BaseNetwork;
import org.deeplearning4j.rl4j.network.IOutputNeuralNet;
import org.deeplearning4j.rl4j.network.MultiLayerNetworkHandler;
import org.deeplearning4j.rl4j.network.NeuralNet;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An RL4J Q-network seen two ways: as RL4J's {@link IOutputNeuralNet} (whose output cache must be invalidated after
 * a direct parameter change) and as the {@link MultiLayerNetwork} it wraps (read and stepped directly).
 * Legacy {@code DQN} exposes its network through {@code getNeuralNetworks()}; a builder-pipeline {@code QNetwork}
 * hides it in a private handler, reached by reflection (works on JDK 17 on the classpath).
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

    /** Q-values of a batch in double, N x numActions; inference mode, the network is not modified. */
    double[][] q(INDArray states) {
        INDArray out = mln.output(states.castTo(mln.params().dataType()), false);
        return out.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleMatrix();
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
        if (net instanceof BaseNetwork<?> base) {
            Object handler = field(BaseNetwork.class, "networkHandler", base);
            if (handler instanceof MultiLayerNetworkHandler) {
                return (MultiLayerNetwork) field(MultiLayerNetworkHandler.class, "model", handler);
            }
            throw new IllegalArgumentException("PreQN needs a network backed by a MultiLayerNetwork, got a "
                    + net.getClass().getSimpleName() + " with handler "
                    + (handler == null ? "null" : handler.getClass().getSimpleName()));
        }
        throw new IllegalArgumentException("PreQN needs a DQN or QNetwork backed by a MultiLayerNetwork, got "
                + net.getClass().getName());
    }

    private static Object field(Class<?> owner, String name, Object target) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + owner.getSimpleName() + "." + name
                    + " (RL4J version other than 1.0.0-M1.1?)", e);
        }
    }
}
