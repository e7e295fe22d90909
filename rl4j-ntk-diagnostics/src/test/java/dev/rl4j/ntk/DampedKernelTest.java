package dev.rl4j.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DampedKernelTest {

    @Test
    void lambdaIsDampingTimesTheMeanDiagonalNeverNegative() {
        assertThat(DampedKernel.of(new double[][] {{2, 0}, {0, 4}}, 0.5).lambda()).isEqualTo(1.5);
        assertThat(DampedKernel.of(new double[][] {{-2, 0}, {0, 1}}, 0.5).lambda()).isZero();
        assertThat(DampedKernel.of(new double[][] {{2, 0}, {0, 4}}, 0.0).lambda()).isZero();
    }

    @Test
    void fullRankSolveUsesCholeskyAndSolvesTheDampedSystem() {
        double[][] k = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[] delta = {1, -2, 0.5};
        DampedKernel damped = DampedKernel.of(k, 0.1);

        DampedKernel.Solution s = damped.solve(delta);

        assertThat(s.fallback()).isFalse();
        assertThat(s.lambda()).isEqualTo(damped.lambda());
        for (int i = 0; i < 3; i++) {
            double lhs = damped.lambda() * s.z()[i];
            for (int j = 0; j < 3; j++) {
                lhs += k[i][j] * s.z()[j];
            }
            assertThat(lhs).isCloseTo(delta[i], within(1e-12));
        }
        assertThat(s.conditionNumber()).isGreaterThan(1.0).isFinite();
    }

    @Test
    void singularUndampedKernelFallsBackToThePseudoInverse() {
        DampedKernel damped = DampedKernel.of(new double[][] {{1, 1}, {1, 1}}, 0.0);

        DampedKernel.Solution s = damped.solve(new double[] {1, 3});

        assertThat(damped.choleskyFactored()).isFalse();
        assertThat(s.fallback()).isTrue();
        assertThat(s.conditionNumber()).isInfinite();
        assertThat(s.z()[0]).isCloseTo(1.0, within(1e-12)); // K^+ delta = (delta . 1 / 4) (1, 1)
        assertThat(s.z()[1]).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void preconditionedKernelTimesDeltaIsNTimesKTimesZ() { // the Q-move of a PreQN step, in both solve paths
        double[][][] kernels = {{{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}, {{1, 1, 0}, {1, 1, 0}, {0, 0, 2}}};
        double[] delta = {1, -2, 0.5};
        for (double[][] k : kernels) {
            DampedKernel damped = DampedKernel.of(k, 0.0);
            double[] z = damped.solve(delta).z();
            double[][] kPre = damped.preconditioned(k);
            for (int i = 0; i < 3; i++) {
                double kz = 0;
                double preDelta = 0;
                for (int j = 0; j < 3; j++) {
                    kz += k[i][j] * z[j];
                    preDelta += kPre[i][j] * delta[j];
                }
                assertThat(preDelta).isCloseTo(3 * kz, within(1e-12));
            }
        }
    }

    @Test
    void solvesAfterAFallbackKeepUsingThePseudoInverse() {
        double[][] k = {{1, 1}, {1, 1}};
        DampedKernel damped = DampedKernel.of(k, 0.0);

        double[][] first = damped.preconditioned(k);
        double[][] second = damped.preconditioned(k);

        assertThat(second).isDeepEqualTo(first);
        assertThat(damped.solve(new double[] {1, 1}).fallback()).isTrue();
    }

    @Test
    void invalidDampingIsRejectedWithFieldRangeAndValue() {
        assertThatThrownBy(() -> DampedKernel.of(new double[][] {{1}}, -1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("damping must be in [0, +Infinity), got -1.0");
        assertThatThrownBy(() -> DampedKernel.of(new double[][] {{1}}, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void finiteChecksEveryEntry() {
        assertThat(Finite.all(new double[] {1, 2})).isTrue();
        assertThat(Finite.all(new double[][] {{1}, {Double.NaN}})).isFalse();
        assertThat(Finite.all(new double[] {Double.NEGATIVE_INFINITY})).isFalse();
    }

    @Test
    void discountRangesNameFieldRangeAndValue() {
        assertThat(Discount.UP_TO_ONE.require("gamma", 1.0)).isEqualTo(1.0);
        assertThatThrownBy(() -> Discount.BELOW_ONE.require("--gamma", 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--gamma must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Discount.UP_TO_ONE.require("gamma", Double.NaN))
                .hasMessage("gamma must be in [0, 1], got NaN");
        assertThatThrownBy(() -> Discount.BELOW_ONE.require("gamma", -0.1)).hasMessageContaining("got -0.1");
    }
}
