package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Linear Q-networks (one identity OutputLayer, no hidden layer, no bias) and their testbeds. */
final class LinearQNets {

    private LinearQNets() {
    }

    /** Q(x, a) = x . W[:, a], double precision, plain SGD. */
    static MultiLayerNetwork linear(int in, int actions, double[][] weights) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new Sgd(0.01)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(actions).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        net.getLayer(0).getParam("W").assign(Nd4j.create(weights));
        return net;
    }

    /** Baird's counterexample (math.md section 6): upper state i: x_i = 2, x_8 = 1; lower: x_7 = 1, x_8 = 2. */
    static double[][] bairdFeatures() {
        double[][] phi = new double[7][8];
        for (int i = 0; i < 6; i++) {
            phi[i][i] = 2;
            phi[i][7] = 1;
        }
        phi[6][6] = 1;
        phi[6][7] = 2;
        return phi;
    }

    /** Every state, one action, reward 0, and the target policy's move to the lower state. */
    static List<Transition> bairdTransitions() {
        double[][] phi = bairdFeatures();
        List<Transition> out = new ArrayList<>();
        for (double[] s : phi) {
            out.add(new Transition(s, 0, 0.0, phi[6], false));
        }
        return out;
    }

    /** Initial Baird weights w = (1,1,1,1,1,1,10,1) as an 8 x 1 weight matrix. */
    static double[][] bairdWeights() {
        double[] w = {1, 1, 1, 1, 1, 1, 10, 1};
        double[][] out = new double[8][1];
        for (int i = 0; i < 8; i++) {
            out[i][0] = w[i];
        }
        return out;
    }

    static ProbeComputation.Context context(double gamma, double alpha, double rMax) {
        return new ProbeComputation.Context(100, 100, 1, gamma, alpha, AlphaSource.USER, Double.NaN, rMax, 0.025, System.nanoTime(),
                Double.NaN);
    }
}
