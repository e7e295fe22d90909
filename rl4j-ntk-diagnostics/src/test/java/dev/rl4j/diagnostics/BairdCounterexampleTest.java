package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.testing.BairdFeatures;
import dev.rl4j.testing.DenseNets;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Baird's counterexample through the real probe code: a linear Q-network whose features are Baird's. */
class BairdCounterexampleTest {

    private static final double GAMMA = 0.99;
    private static final double ALPHA = 0.01;

    private ProbeMeasurement m;

    @BeforeEach
    void probeBaird() {
        MultiLayerNetwork net = DenseNets.linear(8, 1, BairdFeatures.initialWeights());
        m = ProbeComputation.measure(net, EmpiricalNtk.of(net), LinearQNets.bairdTransitions(),
                LinearQNets.context(GAMMA, ALPHA, 0.0));
    }

    @Test
    void betaExceedsOneWithTheValueOfTheKnownKernel() {
        // K_ii = 5, off-diagonal row sums 7 (upper) and 12 (lower): beta = 1 + alpha/7 (-(1-g)*5 + (1+g)*12)
        assertThat(m.kernel().beta()).isCloseTo(1 + ALPHA / 7 * (-(1 - GAMMA) * 5 + (1 + GAMMA) * 12), within(1e-12));
        assertThat(m.kernel().beta()).isGreaterThan(1.0);
    }

    @Test
    void condition17FailsOnEveryRow() {
        assertThat(m.kernel().fraction17()).isZero();
        assertThat(m.kernel().rowRatioMax()).isCloseTo(12.0 / 5 / 7, within(1e-12)); // (1/N) 12 / 5
    }

    @Test
    void seemIsPositiveAndMatchesTheExpectedTdEigenvalue() {
        assertThat(m.kernel().seem() / 7).isCloseTo(0.2393, within(5e-5)); // docs/math.md#baird, D = I/7
    }

    @Test
    void theFindingsFireWithTheNumbersBehindThem() {
        List<Finding> findings = FindingRules.live().evaluate(m);

        assertThat(findings).extracting(Finding::kind)
                .contains(FindingKind.OVER_GENERALIZATION, FindingKind.SELF_EXCITING)
                .doesNotContain(FindingKind.NON_FINITE, FindingKind.STEP_TOO_LARGE);
        Finding over = findings.stream().filter(f -> f.kind() == FindingKind.OVER_GENERALIZATION).findFirst()
                .orElseThrow();
        assertThat(over.numbers()).containsEntry("ntk/fraction17", 0.0).containsEntry("ntk/beta", m.kernel().beta());
        Finding seem = findings.stream().filter(f -> f.kind() == FindingKind.SELF_EXCITING).findFirst().orElseThrow();
        assertThat(seem.numbers().get("ntk/seem")).isEqualTo(m.kernel().seem());
        assertThat(seem.explanation()).contains("SEEM");
    }
}
