package dev.rl4j.ntk;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The cross kernel K(X*, X) that SEEM needs (Yue et al. 2023; docs/math.md#seem), and the one place its rule is
 * written:
 * <ul>
 *   <li>X* pairs each next state s'_i with its greedy action under the current network, the first action with the
 *       largest Q(s'_i, a);</li>
 *   <li>the row of a terminal transition is zero: the sampled Bellman target has no bootstrap term there
 *       (docs/math.md#q-update), so its row of gamma K(X*, X) - K(X, X) is just -K(X, X), whatever the next state
 *       recorded for it.</li>
 * </ul>
 * K stays N x N over every row of X, so SEEM and the other metrics of {@link StabilityMetrics} use the same pairs.
 * The two variants differ only in which rows they hand to the kernel engine (all of them, or the non-terminal ones
 * whose next state may be missing); their non-zero rows agree up to BLAS round-off.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class NextStateKernel {

    private NextStateKernel() {
    }

    /**
     * K(X*, X) when every next state and its Q-values are at hand (the listener's probe computes them anyway): the
     * kernel is evaluated on all N rows in one call, then terminal rows are zeroed.
     *
     * @param ntk        the kernel engine of the network
     * @param states     X's states, N x (input shape)
     * @param actions    X's actions, N
     * @param nextStates s'_i, N rows, every one finite
     * @param qNext      Q(s'_i, .) under the current network, N rows
     * @param terminal   N flags
     * @return a new N x N matrix, zero on terminal rows
     */
    public static double[][] of(EmpiricalNtk ntk, INDArray states, int[] actions, INDArray nextStates,
            double[][] qNext, boolean[] terminal) {
        int n = actions.length;
        int[] live = liveRows(terminal, n);
        if (live.length == 0) {
            return new double[n][n];
        }
        double[][] kNext = ntk.cross(nextStates, greedyActions(qNext), states, actions);
        for (int i = 0; i < n; i++) {
            if (terminal[i]) {
                Arrays.fill(kNext[i], 0.0); // no bootstrap from a terminal state
            }
        }
        return kNext;
    }

    /**
     * K(X*, X) as {@link #of(EmpiricalNtk, INDArray, int[], INDArray, double[][], boolean[])}, reusing the pass over X
     * that {@code x} prepared (the listener's probe has just computed K(X, X) from it): only X*'s pass runs.
     *
     * @param x          X prepared by {@link EmpiricalNtk#prepare}, still current
     * @param nextStates s'_i, N rows, every one finite
     * @param qNext      Q(s'_i, .) under the current network, N rows
     * @param terminal   N flags
     * @return a new N x N matrix, zero on terminal rows
     */
    public static double[][] of(EmpiricalNtk.Prepared x, INDArray nextStates, double[][] qNext, boolean[] terminal) {
        int n = terminal.length;
        if (liveRows(terminal, n).length == 0) {
            return new double[n][n];
        }
        double[][] kNext = x.crossFrom(nextStates, greedyActions(qNext));
        if (kNext.length != n || kNext[0].length != n) {
            throw new IllegalArgumentException("the prepared batch and the next states must both have " + n
                    + " rows, got " + kNext[0].length + " and " + kNext.length);
        }
        for (int i = 0; i < n; i++) {
            if (terminal[i]) {
                Arrays.fill(kNext[i], 0.0); // no bootstrap from a terminal state
            }
        }
        return kNext;
    }

    /**
     * K(X*, X) as {@link #of(EmpiricalNtk, INDArray, int[], INDArray, double[][], boolean[])}, from the transition
     * passes whose X the caller has prepared ({@link EmpiricalNtk.TransitionPasses#prepare}): s'_i's forward pass is
     * reused, only its backward pass runs.
     *
     * @param passes   the transition batch, X prepared
     * @param qNext    Q(s'_i, .) under the current network, N rows ({@code passes.qNext()})
     * @param terminal N flags
     * @return a new N x N matrix, zero on terminal rows
     */
    public static double[][] of(EmpiricalNtk.TransitionPasses passes, double[][] qNext, boolean[] terminal) {
        int n = terminal.length;
        if (liveRows(terminal, n).length == 0) {
            return new double[n][n];
        }
        double[][] kNext = passes.crossNext(greedyActions(qNext));
        for (int i = 0; i < n; i++) {
            if (terminal[i]) {
                Arrays.fill(kNext[i], 0.0); // no bootstrap from a terminal state
            }
        }
        return kNext;
    }

    /**
     * K(X*, X), evaluating Q(s'_i, .) on the network for the non-terminal rows only.
     *
     * @param net        the Q-network {@code ntk} was made of; read, never written
     * @param ntk        the kernel engine of {@code net}
     * @param states     X's states, N x (input shape); next states are cast to its data type
     * @param actions    X's actions, N
     * @param nextStates s'_i, N rows; the row of a terminal transition is not read and may be null
     * @param terminal   N flags
     * @return a new N x N matrix, zero on terminal rows
     */
    public static double[][] of(MultiLayerNetwork net, EmpiricalNtk ntk, INDArray states, int[] actions,
            double[][] nextStates, boolean[] terminal) {
        int n = actions.length;
        int[] live = liveRows(terminal, n);
        if (live.length == 0) {
            return new double[n][n];
        }
        double[][] liveStates = new double[live.length][];
        for (int j = 0; j < live.length; j++) {
            liveStates[j] = nextStates[live[j]];
        }
        INDArray xNext = Nd4j.createFromArray(liveStates).castTo(states.dataType());
        double[][] q = DoubleRows.of(net.output(xNext, false));
        double[][] cross = ntk.cross(xNext, greedyActions(q), states, actions);
        return live.length == n ? cross : scatter(cross, live, n);
    }

    /**
     * The greedy actions of X*: per row, the first index of the largest value.
     *
     * @param q Q-values, one row per next state, at least one action
     * @return a new array, one action per row
     */
    public static int[] greedyActions(double[][] q) {
        int[] greedy = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            int best = 0;
            for (int a = 1; a < q[i].length; a++) {
                if (q[i][a] > q[i][best]) {
                    best = a;
                }
            }
            greedy[i] = best;
        }
        return greedy;
    }

    private static int[] liveRows(boolean[] terminal, int n) {
        if (terminal.length != n) {
            throw new IllegalArgumentException("terminal must have one flag per pair: " + n + " pairs, "
                    + terminal.length + " flags");
        }
        int live = 0;
        for (boolean t : terminal) {
            live += t ? 0 : 1;
        }
        int[] rows = new int[live];
        for (int i = 0, j = 0; i < terminal.length; i++) {
            if (!terminal[i]) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    /** An N x N matrix with row live[j] = cross[j] and zero rows elsewhere. */
    private static double[][] scatter(double[][] cross, int[] live, int n) {
        double[][] k = new double[n][];
        for (int j = 0; j < live.length; j++) {
            k[live[j]] = cross[j];
        }
        for (int i = 0; i < n; i++) {
            if (k[i] == null) {
                k[i] = new double[n];
            }
        }
        return k;
    }
}
