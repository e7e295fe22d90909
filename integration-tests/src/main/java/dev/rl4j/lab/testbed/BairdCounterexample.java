package dev.rl4j.lab.testbed;

import dev.rl4j.lab.TransitionBatch;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Baird's counterexample (Sutton and Barto, Example 11.1; docs/math.md#baird). Seven states with eight linear
 * features: upper state i (0..5) has x_i = 2, x_8 = 1; the lower state (6) has x_7 = 1, x_8 = 2. Reward 0 everywhere,
 * gamma 0.99. Action 0 ("dashed") goes to one of the six upper states uniformly, action 1 ("solid") to the lower
 * state. The behaviour policy picks dashed with probability 6/7; the target policy always picks solid.
 *
 * <p>Known answers, each checked by a test of this module:
 * <ul>
 *   <li>true values are all zero; the initial weights w = (1,1,1,1,1,1,10,1) are not;</li>
 *   <li>semi-gradient expected TD (DP form, uniform state distribution, alpha = 0.01) diverges: |w| is about 4e2
 *       after 1000 steps (437 by this implementation);</li>
 *   <li>K = Phi Phi^T has K_ii = 5 and off-diagonal row sums 7 (upper) and 12 (lower), so eq. 17 fails on every
 *       row; the expected-TD matrix has largest real eigenvalue +0.2393 (SEEM / 7);</li>
 *   <li>in Q-learning form (Q(s, a) = w_a . x(s), minibatches of the behaviour policy's transitions) semi-gradient
 *       Q-learning without a target network diverges, and a PreQN-style step converges toward zero at rate
 *       1 - alpha (1 - gamma).</li>
 * </ul>
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class BairdCounterexample {

    /** Number of states. */
    public static final int STATES = 7;
    /** Number of features. */
    public static final int FEATURES = 8;
    /** The lower state, target of the solid action. */
    public static final int LOWER = 6;
    /** Discount. */
    public static final double GAMMA = 0.99;
    /** Action that moves to a uniformly chosen upper state. */
    public static final int DASHED = 0;
    /** Action that moves to the lower state. */
    public static final int SOLID = 1;

    private BairdCounterexample() {
    }

    /** x(s) for s in 0..6 (a fresh array). */
    public static double[] features(int state) {
        if (state < 0 || state >= STATES) {
            throw new IllegalArgumentException("state must be in [0, " + STATES + "), got " + state);
        }
        double[] x = new double[FEATURES];
        if (state == LOWER) {
            x[6] = 1;
            x[7] = 2;
        } else {
            x[state] = 2;
            x[7] = 1;
        }
        return x;
    }

    /** The 7 x 8 feature matrix Phi. */
    public static double[][] featureMatrix() {
        double[][] phi = new double[STATES][];
        for (int s = 0; s < STATES; s++) {
            phi[s] = features(s);
        }
        return phi;
    }

    /** w = (1, 1, 1, 1, 1, 1, 10, 1), Sutton and Barto's start. */
    public static double[] initialWeights() {
        return new double[] {1, 1, 1, 1, 1, 1, 10, 1};
    }

    /**
     * One semi-gradient expected-TD step toward the target policy (always solid), uniform state weighting:
     * w' = w + alpha / 7 * sum_s (gamma v(lower) - v(s)) x(s)   (eq. 5 in value form)
     */
    public static double[] expectedTdStep(double[] w, double alpha) {
        double[][] phi = featureMatrix();
        double vLower = dot(phi[LOWER], w);
        double[] next = w.clone();
        for (int s = 0; s < STATES; s++) {
            double delta = GAMMA * vLower - dot(phi[s], w);
            for (int f = 0; f < FEATURES; f++) {
                next[f] += alpha / STATES * delta * phi[s][f];
            }
        }
        return next;
    }

    /** N transitions of the behaviour policy from uniformly drawn states (reward 0, never terminal). */
    public static TransitionBatch sample(Random random, int n) {
        double[][] s = new double[n][];
        double[][] next = new double[n][];
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            int state = random.nextInt(STATES);
            a[i] = random.nextDouble() < 6.0 / 7.0 ? DASHED : SOLID;
            int nextState = a[i] == SOLID ? LOWER : random.nextInt(6);
            s[i] = features(state);
            next[i] = features(nextState);
        }
        return new TransitionBatch(s, a, new double[n], next, new boolean[n]);
    }

    /**
     * A linear Q-network Q(s, a) = w_a . x(s): one identity output layer, 8 inputs, 2 outputs, no bias, both action
     * columns set to {@link #initialWeights()}; plain SGD updater.
     */
    public static MultiLayerNetwork linearQNetwork(DataType dtype) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(1).dataType(dtype).updater(new Sgd(0.01)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(FEATURES).nOut(2).hasBias(false)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        INDArray w = net.getLayer(0).getParam("W");
        double[] w0 = initialWeights();
        for (int f = 0; f < FEATURES; f++) {
            w.putScalar(f, DASHED, w0[f]);
            w.putScalar(f, SOLID, w0[f]);
        }
        return net;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
