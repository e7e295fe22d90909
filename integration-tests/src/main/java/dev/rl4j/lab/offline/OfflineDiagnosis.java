package dev.rl4j.lab.offline;

import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NextStateKernel;
import dev.rl4j.ntk.NtkMethod;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NTK diagnosis of one network on one {@link TransitionBatch}: K(X, X) over the batch's (s, a) pairs and, when the
 * batch has next states, the cross kernel K(X*, X) for SEEM from {@link NextStateKernel} (greedy next actions under
 * the same network, done rows zero; docs/math.md#seem). The findings are those of {@link FindingRules} on the
 * kernel alone, in the listener's vocabulary ({@link FindingKind}).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param metrics  contraction metrics of K (SEEM fields NaN without next states)
 * @param method   the kernel path used
 * @param findings the findings of the rules on {@code metrics}, in {@link FindingKind} order; empty when none
 */
public record OfflineDiagnosis(StabilityMetrics metrics, NtkMethod method, List<Finding> findings) {

    /** Copies the finding list. */
    public OfflineDiagnosis {
        findings = List.copyOf(findings);
    }

    /** The kinds of the findings, in order. */
    public List<FindingKind> kinds() {
        return findings.stream().map(Finding::kind).toList();
    }

    /**
     * Runs the diagnosis.
     *
     * @param net   Q-network with one identity output per action
     * @param batch pairs whose state width matches the network input
     * @param gamma discount in [0, 1)
     * @param alpha step size, > 0
     * @param rules the thresholds of the findings (the command uses {@link FindingRules#offlineStrict()})
     * @throws IllegalArgumentException when the state width or an action does not fit the network, naming the row
     */
    public static OfflineDiagnosis of(MultiLayerNetwork net, TransitionBatch batch, double gamma, double alpha,
            FindingRules rules) {
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
        INDArray x = Nd4j.createFromArray(batch.states()).castTo(net.params().dataType());
        double[][] k = ntk.gram(x, actions);
        StabilityMetrics m = batch.hasNextStates()
                ? StabilityMetrics.of(k, NextStateKernel.of(net, ntk, x, actions, batch.nextStates(), batch.terminal()),
                        gamma, alpha)
                : StabilityMetrics.of(k, gamma, alpha);
        return new OfflineDiagnosis(m, ntk.method(), rules.evaluate(m));
    }
}
