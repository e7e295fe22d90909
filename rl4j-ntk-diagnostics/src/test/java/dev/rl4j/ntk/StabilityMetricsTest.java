package dev.rl4j.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.testing.BairdFeatures;
import dev.rl4j.testing.Matrices;
import org.junit.jupiter.api.Test;

class StabilityMetricsTest {

    @Test
    void bairdKernelFailsCondition17OnEveryRowWithTheKnownRowRatios() {
        double[][] k = Matrices.gram(BairdFeatures.features(), BairdFeatures.features());
        StabilityMetrics m = StabilityMetrics.of(k, 0.99, 0.01);

        assertThat(m.diagMin()).isEqualTo(5.0);
        assertThat(m.diagMax()).isEqualTo(5.0);
        double[] r = m.rowRatios();
        for (int i = 0; i < 6; i++) {
            assertThat(r[i]).isCloseTo(7.0 / 5.0 / 7.0, within(1e-15)); // off-diagonal row sum 7 (upper)
        }
        assertThat(r[6]).isCloseTo(12.0 / 5.0 / 7.0, within(1e-15)); // 12 (lower)
        assertThat(m.worstRow()).isEqualTo(6);
        assertThat(m.fraction17()).isZero();
        assertThat(m.fraction16()).isEqualTo(1.0);
    }

    @Test
    void bairdSeemIsPositiveAndMatchesTheExpectedTdEigenvalue() {
        double[][] phi = BairdFeatures.features();
        double[][] next = new double[7][];
        for (int i = 0; i < 7; i++) {
            next[i] = phi[6]; // the target policy always goes to the lower state
        }
        StabilityMetrics m = StabilityMetrics.of(Matrices.gram(phi, phi), Matrices.gram(next, phi), 0.99, 0.01);
        // docs/math.md#baird: expected-TD matrix Phi^T D (gamma P Phi - Phi), D = I/7, has max Re eigenvalue +0.2393;
        // its non-zero spectrum is that of (gamma K(X*,X) - K(X,X)) / 7.
        assertThat(m.seem() / 7).isCloseTo(0.2393, within(5e-5));
        assertThat(m.isSelfExciting()).isTrue();
        assertThat(m.seemNormalized()).isBetween(0.0, 1.0);
    }

    @Test
    void identityKernelWithSmallStepIsAContraction() { // beta = 1 - (1 - gamma) * alpha / N
        double[][] k = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        StabilityMetrics m = StabilityMetrics.of(k, 0.99, 0.1);
        assertThat(m.beta()).isCloseTo(1 - 0.01 * 0.1 / 4, within(1e-12));
        assertThat(m.isContraction()).isTrue();
        assertThat(m.fraction17()).isEqualTo(1.0);
        assertThat(m.conditionNumber()).isCloseTo(1.0, within(1e-12));
        assertThat(m.seem()).isNaN();
    }

    @Test
    void stepTooLargeFailsCondition16() { // alpha K_ii / N = 3 * 2 / 2 >= 1
        StabilityMetrics m = StabilityMetrics.of(new double[][] {{2, 0}, {0, 2}}, 0.5, 3.0);
        assertThat(m.maxStepRatio()).isEqualTo(3.0);
        assertThat(m.fraction16()).isZero();
        assertThat(m.isContraction()).isFalse();
    }

    @Test
    void rejectsNonFiniteKernelNamingTheEntry() {
        assertThatThrownBy(() -> StabilityMetrics.of(new double[][] {{1, Double.NaN}, {0, 1}}, 0.9, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k[0][1]").hasMessageContaining("NaN");
    }

    @Test
    void rejectsGammaOutsideUnitInterval() {
        assertThatThrownBy(() -> StabilityMetrics.of(new double[][] {{1}}, 1.0, 0.1))
                .hasMessageContaining("gamma must be in [0, 1), got 1.0");
    }

    @Test
    void rejectsNonPositiveDiagonal() {
        assertThatThrownBy(() -> StabilityMetrics.of(new double[][] {{0}}, 0.5, 0.1))
                .hasMessageContaining("K[0][0] must be > 0");
    }

    @Test
    void preconditionedKernelOfAFullRankKernelIsAContractionWithModulusOneMinusAlphaTimesOneMinusGamma() {
        double[][] phi = BairdFeatures.features(); // Baird's over-generalising kernel, rank 7
        double[][] k = Matrices.gram(phi, phi);
        StabilityMetrics m = StabilityMetrics.ofPreconditioned(k, null, 0.0, 0.99, 0.5);
        assertThat(m.beta()).isCloseTo(1 - 0.5 * (1 - 0.99), within(1e-9)); // eq. 21: Q' = Q + alpha delta
        assertThat(m.fraction17()).isEqualTo(1.0);
        assertThat(m.diagMin()).isCloseTo(7.0, within(1e-9)); // N K K^{-1} = N I
    }

    @Test
    void preconditionedSingularKernelWithoutDampingUsesPreQNsPseudoInverseInsteadOfThrowing() {
        // K = [[1, 1], [1, 1]]: K K^+ is the projection onto (1, 1), so N K K^+ = [[1, 1], [1, 1]]
        StabilityMetrics m = StabilityMetrics.ofPreconditioned(new double[][] {{1, 1}, {1, 1}}, null, 0.0, 0.9, 0.1);

        assertThat(m.diagMin()).isCloseTo(1.0, within(1e-12));
        assertThat(m.diagMax()).isCloseTo(1.0, within(1e-12));
        assertThat(m.offDiagAbsMax()).isCloseTo(1.0, within(1e-12));
        assertThat(m.eigMax()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void preconditionedMetricsAreThoseOfTheDampedKernelPreQNSolvesWith() {
        double[][] phi = BairdFeatures.features();
        double[][] k = Matrices.gram(phi, phi);
        double[][] next = new double[7][];
        for (int i = 0; i < 7; i++) {
            next[i] = phi[6];
        }
        double[][] kNext = Matrices.gram(next, phi);
        DampedKernel damped = DampedKernel.of(k, 0.3);

        StabilityMetrics viaProbe = StabilityMetrics.ofPreconditioned(k, kNext, 0.3, 0.99, 0.5);
        StabilityMetrics direct = StabilityMetrics.of(damped.preconditioned(k), damped.preconditioned(kNext), 0.99, 0.5);

        assertThat(damped.lambda()).isEqualTo(0.3 * (6 * 5 + 5) / 7.0);
        assertThat(viaProbe).usingRecursiveComparison().isEqualTo(direct);
    }
}
