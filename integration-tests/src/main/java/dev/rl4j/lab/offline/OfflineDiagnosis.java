package dev.rl4j.lab.offline;

import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NtkMethod;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NTK diagnosis of one network on one {@link TransitionBatch}: K(X, X) over the batch's (s, a) pairs and, when the
 * batch has next states, the cross kernel K(X*, X) for SEEM (docs/math.md#seem), where X* pairs each next state with
 * its greedy action argmax_a Q(s', a) under the same network.
 *
 * <p>Terminal rows: the sampled Bellman target has no bootstrap term at a terminal (docs/math.md#q-update), so for a
 * {@code done} row the row of K(X*, X) is zero and the SEEM matrix row is just {@code -K(X, X)}. K stays N x N over
 * every row, so SEEM and the other metrics use the same pairs.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param metrics  contraction metrics of K (SEEM fields NaN without next states)
 * @param method   the kernel path used
 * @param verdicts the simple verdicts of {@link Verdict#of}
 */
public record OfflineDiagnosis(StabilityMetrics metrics, NtkMethod method, List<Verdict> verdicts) {

    /** Copies the verdict list. */
    public OfflineDiagnosis {
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Runs the diagnosis.
     *
     * @param net   Q-network with one identity output per action
     * @param batch pairs whose state width matches the network input
     * @param gamma discount in [0, 1)
     * @param alpha step size, > 0
     * @throws IllegalArgumentException when the state width or an action does not fit the network, naming the row
     */
    public static OfflineDiagnosis of(MultiLayerNetwork net, TransitionBatch batch, double gamma, double alpha) {
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        int inputs = net.layerInputSize(0);
        if (batch.stateWidth() != inputs) {
            throw new IllegalArgumentException("batch state width must match the network input: the batch has "
                    + batch.stateWidth() + " state columns (s0..s" + (batch.stateWidth() - 1) + "), the network "
                    + inputs + " inputs");
        }
        int[] actions = batch.actions();
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] >= ntk.numActions()) {
                throw new IllegalArgumentException("batch row " + (i + 1) + ": action must be in [0, "
                        + ntk.numActions() + ") for this network, got " + actions[i]);
            }
        }
        DataType dtype = net.params().dataType();
        INDArray x = Nd4j.createFromArray(batch.states()).castTo(dtype);
        double[][] k = ntk.gram(x, actions);
        StabilityMetrics m;
        if (batch.hasNextStates()) {
            m = StabilityMetrics.of(k, nextKernel(net, ntk, batch, x, actions, dtype), gamma, alpha);
        } else {
            m = StabilityMetrics.of(k, gamma, alpha);
        }
        return new OfflineDiagnosis(m, ntk.method(), Verdict.of(m));
    }

    /** K(X*, X) with zero rows for done pairs. */
    static double[][] nextKernel(MultiLayerNetwork net, EmpiricalNtk ntk, TransitionBatch batch, INDArray x,
            int[] actions, DataType dtype) {
        int n = batch.size();
        double[][] kNext = new double[n][n];
        double[][] next = batch.nextStates();
        boolean[] done = batch.done();
        int live = 0;
        for (int i = 0; i < n; i++) {
            live += done[i] ? 0 : 1;
        }
        if (live == 0) {
            return kNext;
        }
        double[][] liveStates = new double[live][];
        int[] rowOf = new int[live];
        for (int i = 0, j = 0; i < n; i++) {
            if (!done[i]) {
                liveStates[j] = next[i];
                rowOf[j++] = i;
            }
        }
        INDArray xNext = Nd4j.createFromArray(liveStates).castTo(dtype);
        int[] greedy = net.output(xNext, false).argMax(1).toIntVector(); // X*: argmax_a Q(s', a)
        double[][] cross = ntk.cross(xNext, greedy, x, actions);
        for (int j = 0; j < live; j++) {
            kNext[rowOf[j]] = cross[j];
        }
        return kNext;
    }
}
