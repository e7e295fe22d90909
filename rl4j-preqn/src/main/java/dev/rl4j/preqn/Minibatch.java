package dev.rl4j.preqn;

import java.util.List;
import java.util.Objects;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minibatch of RL4J transitions as arrays: states and next states as N x d rows (a terminal transition without a
 * next observation repeats its state, never bootstrapped from).
 *
 * @param anyBootstrap true when some transition is not terminal
 */
record Minibatch(INDArray states, INDArray nextStates, int[] actions, double[] rewards, boolean[] terminal,
        boolean anyBootstrap) {

    /** N, the number of transitions. */
    int size() {
        return actions.length;
    }

    /**
     * @param batch transitions with non-null observations; next observations may be null only for terminal ones
     * @throws IllegalArgumentException on an empty batch or a non-terminal transition without a next observation
     */
    static Minibatch of(List<StateActionRewardState<Integer>> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("batch must hold at least 1 transition, got 0");
        }
        int n = batch.size();
        double[][] s = new double[n][];
        double[][] s2 = new double[n][];
        int[] a = new int[n];
        double[] r = new double[n];
        boolean[] t = new boolean[n];
        boolean anyBootstrap = false;
        for (int i = 0; i < n; i++) {
            StateActionRewardState<Integer> e = batch.get(i);
            s[i] = row(e.getObservation());
            Observation next = e.getNextObservation();
            t[i] = e.isTerminal();
            if (next == null && !t[i]) {
                throw new IllegalArgumentException("transition " + i + " is not terminal but has no next observation");
            }
            s2[i] = next == null ? s[i] : row(next);
            a[i] = e.getAction();
            r[i] = e.getReward();
            anyBootstrap |= !t[i];
        }
        return new Minibatch(Nd4j.createFromArray(s), Nd4j.createFromArray(s2), a, r, t, anyBootstrap);
    }

    /**
     * The observation's first channel flattened to one row (dense networks), read element by element: two ND4J ops
     * per observation (reshape, toDoubleVector) cost about 20 ms per update at N = 256.
     */
    private static double[] row(Observation o) {
        INDArray x = o.getChannelData(0);
        int len = Math.toIntExact(x.length());
        double[] out = new double[len];
        for (int j = 0; j < len; j++) {
            out[j] = x.getDouble(j);
        }
        return out;
    }
}
