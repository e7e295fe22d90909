package dev.rl4j.testing;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Q-values and TD errors of a batch computed directly from the network, independently of the code under test. */
public final class TdErrors {

    private TdErrors() {
    }

    /** Q(s_i, a_i) in double, inference mode. */
    public static double[] qTaken(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch) {
        INDArray q = net.output(Batches.states(batch).castTo(net.params().dataType()), false);
        int[] a = Batches.actions(batch);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = q.getDouble(i, a[i]);
        }
        return out;
    }

    /** delta_i = r_i + gamma * max_a' Q(s'_i, a') (0 at terminals) - Q(s_i, a_i). */
    public static double[] delta(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch, double gamma) {
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
}
