package dev.rl4j.lab;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A dense Q-network shape written as layer widths, e.g. {@code 4-256-256-2}: 4 inputs, two hidden layers of 256,
 * 2 actions (identity output, MSE loss, as RL4J's {@code DQNFactoryStdDense} builds it).
 *
 * @param widths input width, hidden widths, number of actions; at least two entries, all >= 1
 */
public record NetSpec(int[] widths) {

    /** Parses {@code 4-256-256-2}; the message names the bad part. */
    public static NetSpec parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length < 2) {
            throw new IllegalArgumentException("--net must list at least input and output widths like 4-256-256-2, got '"
                    + text + "'");
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--net width '" + parts[i] + "' in '" + text + "' is not an integer");
            }
            if (w[i] < 1) {
                throw new IllegalArgumentException("--net widths must be >= 1, got " + w[i] + " in '" + text + "'");
            }
        }
        return new NetSpec(w);
    }

    public int inputs() {
        return widths[0];
    }

    public int actions() {
        return widths[widths.length - 1];
    }

    /** A freshly initialised network of this shape (Xavier init, Adam 1e-3 updater as RL4J's defaults). */
    public MultiLayerNetwork build(long seed, DataType dtype, IActivation hidden) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dtype).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list();
        for (int i = 1; i < widths.length - 1; i++) {
            b.layer(new DenseLayer.Builder().nIn(widths[i - 1]).nOut(widths[i]).activation(hidden).build());
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(widths[widths.length - 2])
                .nOut(actions()).activation(new ActivationIdentity()).build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    @Override
    public String toString() {
        return String.join("-", Arrays.stream(widths).mapToObj(Integer::toString).toArray(String[]::new));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetSpec other && Arrays.equals(widths, other.widths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths);
    }
}
