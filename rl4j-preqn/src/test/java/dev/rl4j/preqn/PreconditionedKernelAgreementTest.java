package dev.rl4j.preqn;

import dev.rl4j.testing.TdErrors;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.Batches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.DampedKernel;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * PreQN's step and the diagnostics' preconditioned kernel come from the same damped kernel: on a Q-network linear in
 * its parameters, the Q-move of one PreQN step is exactly (alpha / N) K_pre delta, with K_pre the kernel
 * {@link StabilityMetrics#ofPreconditioned} judges, for K with and without duplicate transitions (singular), damped and undamped.
 */
class PreconditionedKernelAgreementTest {

    private static final double GAMMA = 0.9;
    private static final double ALPHA = 0.3;

    @Test
    void distinctTransitionsDamped() {
        assertPreQNMovesQByThePreconditionedKernel(false, 0.2);
    }

    @Test
    void duplicateTransitionsMakeKSingularDamped() {
        assertPreQNMovesQByThePreconditionedKernel(true, 0.2);
    }

    @Test
    void duplicateTransitionsUndampedUsePreQNsPseudoInverseInBoth() {
        PreQNUpdate u = assertPreQNMovesQByThePreconditionedKernel(true, 0.0);
        assertThat(u.fallbackSolve()).isTrue();
    }

    private static PreQNUpdate assertPreQNMovesQByThePreconditionedKernel(boolean duplicates, double damping) {
        MultiLayerNetwork net = DenseNets.dense(41, DataType.DOUBLE, Activation.RELU, 6, 2); // linear Q
        List<StateActionRewardState<Integer>> batch = new ArrayList<>(Batches.batch(42, 10, 6, 2, 1.0));
        if (duplicates) {
            for (int j = 0; j < 3; j++) {
                batch.set(9 - j, batch.get(j));
            }
        }
        int n = batch.size();
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        double[][] k = EmpiricalNtk.of(net).gram(Batches.states(batch), Batches.actions(batch));
        DampedKernel diagnostics = DampedKernel.of(k, damping);
        double[][] kPre = diagnostics.preconditioned(k);
        double[] before = TdErrors.qTaken(net, batch);
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(ALPHA).eta(0.0).maxTrials(1).damping(damping)
                .build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, conf, GAMMA, Double.NaN).compute(batch);

        double[] after = TdErrors.qTaken(net, batch);
        assertThat(u.lambda()).isEqualTo(diagnostics.lambda());
        assertThat(u.fallbackSolve()).isEqualTo(!diagnostics.choleskyFactored());
        double scale = 0;
        for (double d : delta) {
            scale = Math.max(scale, Math.abs(d));
        }
        for (int i = 0; i < n; i++) {
            double expected = 0;
            for (int j = 0; j < n; j++) {
                expected += kPre[i][j] * delta[j];
            }
            expected *= ALPHA / n;
            assertThat(after[i] - before[i]).isCloseTo(expected, within(1e-9 * scale));
        }
        // the probe's metrics are those of this K_pre (K itself stands in for the cross kernel, so SEEM is finite)
        StabilityMetrics judged = StabilityMetrics.ofPreconditioned(k, k, damping, GAMMA, ALPHA);
        assertThat(judged).usingRecursiveComparison().isEqualTo(StabilityMetrics.of(kPre, kPre, GAMMA, ALPHA));
        return u;
    }
}
