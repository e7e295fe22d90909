package dev.rl4j.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.diagnostics.NtkDiagnostics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Both pipelines on CartPole with a few hundred steps per seed. */
class AgentRegressionTest {

    @Test
    void legacyRunReportsEverySeedAndPassesAMetExpectation() {
        RegressionResult result = AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 200))
                .seeds(1, 2)
                .expect("episodes >= 1")
                .expect("mean100 > 0")
                .run();

        assertThat(result.success()).isTrue();
        assertThat(result.passing()).isEqualTo(2);
        assertThat(result.seeds()).extracting(SeedResult::seed).containsExactly(1L, 2L);
        assertThat(result.seeds()).allSatisfy(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.reason()).isEqualTo("ok");
            assertThat(r.episodes()).isPositive().isEqualTo(r.returns().size());
            assertThat(r.steps()).isGreaterThanOrEqualTo(200);
            assertThat(r.episodeEndSteps()).isSorted().last().isEqualTo(r.steps());
            assertThat(r.returns()).allSatisfy(x -> assertThat(x).isPositive());
            assertThat(r.mean100()).isEqualTo(SeedResult.mean100(r.returns()));
            assertThat(r.bestMean100()).isGreaterThanOrEqualTo(r.mean100() - 1e-9);
            assertThat(r.wallTime()).isPositive();
            assertThat(r.probes()).isZero();
            assertThat(r.firstUpdate()).isEmpty();
        });
    }

    @Test
    void failingExpectationThrowsAnAssertionErrorWithThePerSeedTable() {
        AgentRegression regression = AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 100))
                .seeds(1, 2)
                .expect("mean100 >= 10000");

        assertThatThrownBy(regression::assertPasses)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("FAILED: 0 of 2 seeds passed, 2 required (mean100>=10000.0, legacy pipeline)")
                .hasMessageContaining("seed").hasMessageContaining("best_mean100").hasMessageContaining("reason")
                .hasMessageContaining("does not meet mean100>=10000.0")
                .hasMessageMatching("(?s).*\\n1 .*\\n2 .*");
    }

    @Test
    void throwingFactoryFailsOnlyItsSeedAndMinPassingDecides() {
        RegressionResult result = AgentRegression.legacy(seed -> {
            if (seed == 2) {
                throw new IllegalStateException("no learner for seed 2");
            }
            return CartpoleFixtures.legacy(seed, 100);
        }).seeds(1, 2, 3).expect("episodes >= 1").minPassing(2).run();

        assertThat(result.success()).isTrue();
        assertThat(result.passing()).isEqualTo(2);
        SeedResult failed = result.seeds().get(1);
        assertThat(failed.passed()).isFalse();
        assertThat(failed.reason()).isEqualTo("factory threw IllegalStateException: no learner for seed 2");
        assertThat(failed.episodes()).isZero();
        assertThat(new RegressionResult(result.seeds(), 3, "all").success()).isFalse();
        assertThat(result.table()).contains("factory threw IllegalStateException");
    }

    @Test
    void expectNoFindingAttachesTheDiagnosticsToEveryLegacyRun() {
        RegressionResult result = AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 200))
                .seeds(5)
                .expectNoFinding(FindingKind.NON_FINITE)
                .diagnostics(seed -> NtkDiagnostics.builder().period(100).probeSize(32).seed(seed))
                .assertPasses();

        SeedResult r = result.seeds().get(0);
        assertThat(r.passed()).isTrue();
        assertThat(r.probes()).isPositive();
        assertThat(r.firstUpdate()).doesNotContainKey(FindingKind.NON_FINITE);
    }

    @Test
    void forbiddenFindingFailsTheSeedAndStopsItsRun() {
        FindingRules everyRankCollapses = new FindingRules(0.5, 1e-6, 1e-9, 1.0, 1.0);

        RegressionResult result = AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 20_000))
                .seeds(1)
                .expectNoFinding(FindingKind.RANK_COLLAPSE)
                .diagnostics(seed -> NtkDiagnostics.builder().period(20).probeSize(32).consecutiveProbes(1)
                        .rules(everyRankCollapses).seed(seed))
                .run();

        SeedResult r = result.seeds().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).startsWith("RANK_COLLAPSE active at update ");
        assertThat(r.firstUpdate()).containsKey(FindingKind.RANK_COLLAPSE);
        assertThat(r.steps()).isLessThan(20_000);
    }

    @Test
    void timeLimitStopsALegacyRunAndFailsTheSeed() {
        RegressionResult result = AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 1_000_000))
                .seeds(1)
                .expect("episodes >= 1")
                .timeLimit(Duration.ofSeconds(1))
                .run();

        assertStoppedByTheOneSecondTimeLimit(result.seeds().get(0), 1_000_000);
    }

    /** {@code r} failed on a one-second time limit, well before its {@code steps} steps and 20 s of wall time. */
    static void assertStoppedByTheOneSecondTimeLimit(SeedResult r, long steps) {
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).startsWith("time limit PT1S reached after ");
        assertThat(r.steps()).isLessThan(steps);
        assertThat(r.wallTime()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void nonFiniteValuesFailTheSeedInsteadOfCrashing() {
        RegressionResult result = AgentRegression.legacy(seed -> CartpoleFixtures.legacyWithNanRewards(seed, 100))
                .seeds(1)
                .run();

        SeedResult r = result.seeds().get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.reason()).contains("non-finite return in episode 1");
    }
}
