package dev.rl4j.testing;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Central finite-difference gradients, the reference the analytic kernels are checked against. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /** d Q(s_i, a_i) / d theta_k for every parameter, N x P; double network only. */
    public static double[][] jacobian(MultiLayerNetwork net, INDArray states, int[] actions, double h) {
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

    /** The Jacobian at the batch's state-action pairs. */
    public static double[][] jacobian(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch, double h) {
        return jacobian(net, Batches.states(batch), Batches.actions(batch), h);
    }
}
