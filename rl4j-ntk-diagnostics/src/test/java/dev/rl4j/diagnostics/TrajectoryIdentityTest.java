package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.junit.jupiter.api.Test;

class TrajectoryIdentityTest {

    private static final long SEED = 123;
    private static final int MAX_STEP = 600;

    @Test
    void attachingTheListenerLeavesTheTrainedParametersBitForBitUnchanged() {
        QLearningDiscreteDense<?> plain = LegacyRuns.learner(SEED, MAX_STEP, 16);
        plain.train();
        double[] without = LegacyRuns.network(plain).params().toDoubleVector();

        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(20).probeSize(32).consecutiveProbes(1).build();
        QLearningDiscreteDense<?> observed = LegacyRuns.learner(SEED, MAX_STEP, 16, diagnostics);
        observed.train();
        double[] with = LegacyRuns.network(observed).params().toDoubleVector();

        assertThat(diagnostics.history()).as("the listener must actually have probed").hasSizeGreaterThan(3);
        assertThat(diagnostics.isDisabled()).isFalse();
        assertThat(with).containsExactly(without);
    }

    @Test
    void withRl4jsDqnTheFirstProbeFollowsTheFirstUpdateInsideTheFirstEpisode() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().probeSize(16).build(); // default adaptive schedule
        QLearningDiscreteDense<?> learner = LegacyRuns.learner(SEED, MAX_STEP, 16, diagnostics);
        learner.train();

        ProbeMeasurement first = diagnostics.history().get(0).measurement();
        assertThat(first.update()).as("the schedule's first update").isEqualTo(1);
        assertThat(first.episode()).as("episodes finished before the first probe").isZero();
        assertThat(diagnostics.history()).extracting(r -> r.measurement().update())
                .as("then 10 updates later, as the schedule says").startsWith(1L, 11L);
        assertThat(diagnostics.isDisabled()).isFalse();
    }

    @Test
    void adamRunsReportAMeasuredStepSizeWithItsLinearisationCheck() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(20).probeSize(32).build();
        LegacyRuns.learner(SEED, MAX_STEP, 16, diagnostics).train();

        ProbeMeasurement last = diagnostics.history().get(diagnostics.history().size() - 1).measurement();
        assertThat(last.stepSize().source()).isEqualTo(AlphaSource.MEASURED);
        assertThat(last.stepSize().alpha()).isPositive();
        assertThat(last.stepSize().linearisationCos()).isBetween(-1.0, 1.0);
        assertThat(last.kernel().beta()).isFinite();
        assertThat(last.q().rMax()).isEqualTo(0.1); // CartPole reward 1 times rewardFactor 0.1
    }
}
