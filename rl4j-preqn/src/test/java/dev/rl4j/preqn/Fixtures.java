package dev.rl4j.preqn;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small seeded Q-networks and transition batches for PreQN tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Dense Q-network in the given dtype; no widths gives a linear Q (one identity output layer). */
    static MultiLayerNetwork net(long seed, DataType dtype, Activation hidden, int in, int out, int... widths) {
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

    /** n random transitions; every third is terminal; rewards in [-1, 1] times rewardScale. */
    static List<StateActionRewardState<Integer>> batch(long seed, int n, int d, int numActions, double rewardScale) {
        java.util.Random r = new java.util.Random(seed);
        List<StateActionRewardState<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(transition(randomRow(r, d), r.nextInt(numActions), rewardScale * (2 * r.nextDouble() - 1),
                    i % 3 == 2, randomRow(r, d)));
        }
        return out;
    }

    static StateActionRewardState<Integer> transition(double[] s, int a, double reward, boolean terminal,
            double[] next) {
        StateActionRewardState<Integer> t = new StateActionRewardState<>(obs(s), a, reward, terminal);
        t.setNextObservation(obs(next));
        return t;
    }

    static Observation obs(double[] s) {
        return new Observation(Nd4j.createFromArray(s).reshape(1, s.length));
    }

    static double[] randomRow(java.util.Random r, int d) {
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = r.nextGaussian();
        }
        return s;
    }

    static INDArray states(List<StateActionRewardState<Integer>> batch) {
        INDArray[] rows = new INDArray[batch.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = batch.get(i).getObservation().getChannelData(0).castTo(DataType.DOUBLE);
        }
        return Nd4j.concat(0, rows);
    }

    static int[] actions(List<StateActionRewardState<Integer>> batch) {
        return batch.stream().mapToInt(StateActionRewardState::getAction).toArray();
    }

    /** Q(s_i, a_i) in double, inference mode. */
    static double[] qTaken(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch) {
        INDArray q = net.output(states(batch).castTo(net.params().dataType()), false);
        int[] a = actions(batch);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = q.getDouble(i, a[i]);
        }
        return out;
    }

    /** delta_i = r_i + gamma * max_a' Q(s'_i, a') (0 at terminals) - Q(s_i, a_i), computed independently. */
    static double[] delta(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch, double gamma) {
        double[] q = qTaken(net, batch);
        double[] d = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            StateActionRewardState<Integer> t = batch.get(i);
            double y = t.getReward();
            if (!t.isTerminal()) {
                INDArray next = t.getNextObservation().getChannelData(0).castTo(net.params().dataType());
                y += gamma * net.output(next, false).maxNumber().doubleValue();
            }
            d[i] = y - q[i];
        }
        return d;
    }

    static double[] params(MultiLayerNetwork net) {
        return net.params().castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Central finite-difference gradients of Q(s_i, a_i), N x P; double network only. */
    static double[][] jacobian(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch, double h) {
        INDArray s = states(batch);
        int[] a = actions(batch);
        INDArray p = net.params();
        double[][] g = new double[a.length][(int) p.length()];
        for (int k = 0; k < p.length(); k++) {
            double orig = p.getDouble(k);
            p.putScalar(k, orig + h);
            INDArray plus = net.output(s, false).dup();
            p.putScalar(k, orig - h);
            INDArray minus = net.output(s, false).dup();
            p.putScalar(k, orig);
            for (int i = 0; i < a.length; i++) {
                g[i][k] = (plus.getDouble(i, a[i]) - minus.getDouble(i, a[i])) / (2 * h);
            }
        }
        return g;
    }
}
