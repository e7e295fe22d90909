package dev.rl4j.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import java.time.Duration;
import org.apache.commons.lang3.builder.Builder;
import org.deeplearning4j.rl4j.agent.IAgentLearner;
import org.junit.jupiter.api.Test;

/** The builder pipeline through RL4J's SyncTrainer, the diagnostics attached as an AgentListener. */
class AgentRegressionBuilderPipelineTest {

    @Test
    void builderRunSumsStepRewardsPerEpisodeAndAttachesTheDiagnostics() {
        RegressionResult result = AgentRegression.builder(CartpoleFixtures::builder, 200)
                .seeds(1, 2)
                .expect("episodes >= 1")
                .expectNoFinding(FindingKind.NON_FINITE)
                .diagnostics(seed -> NtkDiagnostics.builder().period(100).probeSize(32).seed(seed))
                .assertPasses();

        assertThat(result.seeds()).allSatisfy(r -> {
            assertThat(r.passed()).isTrue();
            assertThat(r.steps()).isGreaterThanOrEqualTo(200);
            assertThat(r.probes()).isPositive();
            assertThat(r.episodes()).isPositive();
            long previous = 0;
            for (int i = 0; i < r.episodes(); i++) {   // CartPole pays 1 per step
                assertThat(r.returns().get(i)).isEqualTo((double) (r.episodeEndSteps().get(i) - previous));
                previous = r.episodeEndSteps().get(i);
            }
        });
    }

    @Test
    void timeLimitStopsABuilderRunThroughTheTrainersCondition() {
        RegressionResult result = AgentRegression.builder(CartpoleFixtures::builder, 10_000_000)
                .seeds(3)
                .timeLimit(Duration.ofSeconds(1))
                .run();

        AgentRegressionTest.assertStoppedByTheOneSecondTimeLimit(result.seeds().get(0), 10_000_000);
    }

    @Test
    void builderThatThrowsOnBuildFailsTheSeedWithItsCause() {
        Builder<IAgentLearner<Integer>> broken = () -> {
            throw new IllegalStateException("bad configuration", new ArithmeticException("root"));
        };

        RegressionResult result = AgentRegression.builder(seed -> broken, 100).seeds(1, 2).minPassing(1).run();

        assertThat(result.success()).isFalse();
        assertThat(result.seeds()).allSatisfy(r -> assertThat(r.reason())
                .isEqualTo("factory threw IllegalStateException: bad configuration (cause ArithmeticException: root)"));
    }
}
