package dev.rl4j.testing;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded dense Q-networks: hidden DenseLayers and an identity MSE OutputLayer (Xavier init, Adam). */
public final class DenseNets {

    private DenseNets() {
    }

    /** Dense Q-network in the given dtype; no widths gives a linear Q (one identity output layer). */
    public static MultiLayerNetwork dense(long seed, DataType dtype, Activation hidden, int in, int out,
            int... widths) {
        return dense(seed, dtype, hidden.getActivationFunction(), in, out, widths);
    }

    /** As {@link #dense(long, DataType, Activation, int, int, int...)} with any activation function. */
    public static MultiLayerNetwork dense(long seed, DataType dtype, IActivation hidden, int in, int out,
            int... widths) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dtype).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list();
        int prev = in;
        for (int w : widths) {
            b.layer(new DenseLayer.Builder().nIn(prev).nOut(w).activation(hidden).build());
            prev = w;
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(prev).nOut(out)
                .activation(Activation.IDENTITY).build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    /** As {@link #denseWithRandomBiases(long, DataType, IActivation, int, int, int...)} with a built-in activation. */
    public static MultiLayerNetwork denseWithRandomBiases(long seed, DataType dtype, Activation hidden, int in, int out,
            int... widths) {
        return denseWithRandomBiases(seed, dtype, hidden.getActivationFunction(), in, out, widths);
    }

    /**
     * As {@link #dense(long, DataType, IActivation, int, int, int...)}, then every bias drawn from N(0, 0.3^2) with
     * ND4J's generator seeded by {@code seed}, so the "+1" bias term of the structured kernel sees realistic values.
     */
    public static MultiLayerNetwork denseWithRandomBiases(long seed, DataType dtype, IActivation hidden, int in,
            int out, int... widths) {
        MultiLayerNetwork net = dense(seed, dtype, hidden, in, out, widths);
        Nd4j.getRandom().setSeed(seed);
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray bias = net.getLayer(i).getParam("b");
            bias.assign(Nd4j.randn(dtype, bias.shape()).muli(0.3));
        }
        return net;
    }

    /** Q(x, a) = x . W[:, a]: one identity OutputLayer, no bias, double precision, plain SGD. */
    public static MultiLayerNetwork linear(int in, int actions, double[][] weights) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Sgd(0.01)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(actions).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        net.getLayer(0).getParam("W").assign(Nd4j.create(weights));
        return net;
    }

    /** The flattened parameters as doubles (a copy). */
    public static double[] params(MultiLayerNetwork net) {
        return net.params().castTo(DataType.DOUBLE).toDoubleVector();
    }
}
