package dev.rl4j.ntk;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded Q-networks and batches for kernel tests. */
final class TestNets {

    private TestNets() {
    }

    static MultiLayerNetwork dense(long seed, DataType dtype, IActivation hidden, int in, int out, int... widths) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed).dataType(dtype).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list();
        int prev = in;
        for (int w : widths) {
            b.layer(new DenseLayer.Builder().nIn(prev).nOut(w).activation(hidden).build());
            prev = w;
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(prev).nOut(out)
                .activation(new ActivationIdentity()).build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // non-zero biases so the "+1" bias term is exercised with realistic values
        Nd4j.getRandom().setSeed(seed);
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray bias = net.getLayer(i).getParam("b");
            bias.assign(Nd4j.randn(dtype, bias.shape()).muli(0.3));
        }
        return net;
    }

    static INDArray states(long seed, int n, int d) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, n, d);
    }

    static int[] actions(long seed, int n, int numActions) {
        java.util.Random r = new java.util.Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(numActions);
        }
        return a;
    }

    /** Central finite differences of Q(s_i, a_i) with respect to every parameter, double network only. */
    static double[][] finiteDifferenceJacobian(MultiLayerNetwork net, INDArray states, int[] actions, double h) {
        INDArray params = net.params();
        int p = (int) params.length();
        double[][] g = new double[actions.length][p];
        for (int k = 0; k < p; k++) {
            double orig = params.getDouble(k);
            params.putScalar(k, orig + h);
            INDArray plus = net.output(states, false).dup();
            params.putScalar(k, orig - h);
            INDArray minus = net.output(states, false).dup();
            params.putScalar(k, orig);
            for (int i = 0; i < actions.length; i++) {
                g[i][k] = (plus.getDouble(i, actions[i]) - minus.getDouble(i, actions[i])) / (2 * h);
            }
        }
        return g;
    }

    static double[][] gramOf(double[][] g) {
        int n = g.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int q = 0; q < g[i].length; q++) {
                    s += g[i][q] * g[j][q];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    /** max |a - b| / max |b|. */
    static double maxRelativeDiff(double[][] a, double[][] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                diff = Math.max(diff, Math.abs(a[i][j] - b[i][j]));
                scale = Math.max(scale, Math.abs(b[i][j]));
            }
        }
        return diff / scale;
    }

    static double maxRelativeDiff(double[] a, double[] b) {
        return maxRelativeDiff(new double[][] {a}, new double[][] {b});
    }
}
