package dev.rl4j.preqn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The (s, a) pairs of PreQN's kernel system: the minibatch's N pairs (s_i, a_i) and, with the experimental bootstrap
 * hold (docs/math.md#hold-bootstrap), the M bootstrap pairs (s'_i, a*_i) of its non-terminal transitions, whose
 * right-hand side is 0: (K_(N+M) + lambda I) Z = [delta; 0].
 *
 * @param states  (N + M) x d
 * @param actions N + M actions
 * @param held    M, the number of bootstrap pairs held fixed
 */
record HeldPairs(INDArray states, int[] actions, int held) {

    /** The batch pairs only (the paper's PreQN). */
    static HeldPairs none(Minibatch b) {
        return new HeldPairs(b.states(), b.actions(), 0);
    }

    /**
     * The batch pairs followed by (s'_i, a*_i) for every non-terminal i, in batch order.
     *
     * @param bootstrapActions a*_i, the argmax of the network that bootstraps; -1 at terminals
     */
    static HeldPairs of(Minibatch b, int[] bootstrapActions) {
        int n = b.size();
        int[] rows = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!b.terminal()[i]) {
                rows[m++] = i;
            }
        }
        if (m == 0) {
            return none(b);
        }
        int[] actions = Arrays.copyOf(b.actions(), n + m);
        for (int j = 0; j < m; j++) {
            actions[n + j] = bootstrapActions[rows[j]];
        }
        INDArray next = b.nextStates().getRows(Arrays.copyOf(rows, m));
        return new HeldPairs(Nd4j.concat(0, b.states(), next), actions, m);
    }

    /** [delta; 0]: the batch pairs move by delta (scaled by alpha in the step), the held pairs by 0. */
    double[] rightHandSide(double[] delta) {
        return Arrays.copyOf(delta, delta.length + held);
    }
}
