package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class LineSearchTest {

    /** A trial whose cosine is a function of the step fraction; records fractions tried and restores. */
    private static final class ScriptedTrial implements LineSearch.Trial {
        final List<Double> fractions = new ArrayList<>();
        final DoubleUnaryOperator cosine;
        int restores;

        ScriptedTrial(DoubleUnaryOperator cosine) {
            this.cosine = cosine;
        }

        @Override
        public double cosineAt(double fraction) {
            fractions.add(fraction);
            return cosine.applyAsDouble(fraction);
        }

        @Override
        public void restore() {
            restores++;
        }
    }

    private static LineSearch search(double eta, int maxTrials, LineSearchFailurePolicy policy) {
        return new LineSearch(eta, 0.5, maxTrials, policy);
    }

    @Test
    void firstTrialAtOrAboveEtaIsAcceptedAtOnce() {
        ScriptedTrial trial = new ScriptedTrial(f -> 0.9);

        LineSearch.Result r = search(0.9, 5, LineSearchFailurePolicy.REJECT_STEP).run(trial);

        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(r.failed()).isFalse();
        assertThat(trial.fractions).containsExactly(1.0);
        assertThat(r.trace()).isEqualTo(new PreQNUpdate.LineSearchTrace(1, 0.9, 0.9, 1.0));
        assertThat(trial.restores).isZero();
    }

    @Test
    void stepShrinksByTheFactorUntilTheCosineReachesEta() {
        ScriptedTrial trial = new ScriptedTrial(f -> 1.0 - f);  // 0, 0.5, 0.75, 0.875

        LineSearch.Result r = search(0.8, 10, LineSearchFailurePolicy.REJECT_STEP).run(trial);

        assertThat(trial.fractions).containsExactly(1.0, 0.5, 0.25, 0.125);
        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(r.trace()).isEqualTo(new PreQNUpdate.LineSearchTrace(4, 0.0, 0.875, 0.125));
    }

    @Test
    void searchStopsAfterMaxTrialsWithoutShrinkingPastTheLastTrial() {
        ScriptedTrial trial = new ScriptedTrial(f -> 0.1);

        LineSearch.Result r = search(0.9, 3, LineSearchFailurePolicy.REJECT_STEP).run(trial);

        assertThat(trial.fractions).containsExactly(1.0, 0.5, 0.25);
        assertThat(r.trace().trials()).isEqualTo(3);
        assertThat(r.trace().lastFraction()).isEqualTo(0.25);
        assertThat(r.failed()).isTrue();
    }

    @Test
    void rejectPolicyRestoresThetaWhenNoTrialMeetsEta() {
        ScriptedTrial trial = new ScriptedTrial(f -> 0.5);

        LineSearch.Result r = search(0.9, 2, LineSearchFailurePolicy.REJECT_STEP).run(trial);

        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.REJECTED);
        assertThat(trial.restores).isEqualTo(1);
        assertThat(r.trace()).isEqualTo(new PreQNUpdate.LineSearchTrace(2, 0.5, 0.5, 0.5));
    }

    @Test
    void keepSmallestPolicyKeepsTheLastTrialWhenNoTrialMeetsEta() {
        ScriptedTrial trial = new ScriptedTrial(f -> 0.5);

        LineSearch.Result r = search(0.9, 2, LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL).run(trial);

        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.KEPT_SMALLEST_TRIAL);
        assertThat(trial.restores).isZero();
        assertThat(r.trace().lastFraction()).isEqualTo(0.5);
    }

    @Test
    void nonFiniteLastTrialIsNeverKeptEvenUnderKeepSmallest() {
        ScriptedTrial trial = new ScriptedTrial(f -> f < 1.0 ? Double.NaN : 0.2);

        LineSearch.Result r = search(0.9, 2, LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL).run(trial);

        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.REJECTED);
        assertThat(trial.restores).isEqualTo(1);
        assertThat(r.trace().firstCosine()).isEqualTo(0.2);
        assertThat(r.trace().lastCosine()).isNaN();
    }

    @Test
    void nonFiniteTrialNeverMeetsEtaAndTheSearchShrinksPastIt() {
        ScriptedTrial trial = new ScriptedTrial(f -> f == 1.0 ? Double.NaN : 0.99);

        LineSearch.Result r = search(0.0, 5, LineSearchFailurePolicy.REJECT_STEP).run(trial);

        assertThat(r.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(trial.fractions).containsExactly(1.0, 0.5);
        assertThat(r.trace().firstCosine()).isNaN();
    }

    @Test
    void telemetryOfARejectedSearchReportsNoStepKept() {
        PreQNUpdate u = PreQNUpdate.stepped(1, 8, PreQNUpdate.Outcome.REJECTED, new PreQNUpdate.TdError(1, 2),
                new PreQNUpdate.KernelSolve(10, 0.1, false), new PreQNUpdate.LineSearchTrace(2, 0.5, 0.6, 0.5),
                PreQNUpdate.Timing.NONE);

        assertThat(u.changedParameters()).isFalse();
        assertThat(u.cosineBefore()).isEqualTo(0.5);
        assertThat(u.cosineAfter()).isNaN();
        assertThat(u.stepFraction()).isZero();
        assertThat(u.trials()).isEqualTo(2);
    }

    @Test
    void factoriesOfUpdatesWithoutAStepFillNoStepTelemetry() {
        PreQNUpdate skipped = PreQNUpdate.skipped(3, 4, PreQNUpdate.TdError.UNKNOWN, PreQNUpdate.KernelSolve.NONE,
                PreQNUpdate.Timing.NONE);
        PreQNUpdate zero = PreQNUpdate.zeroError(4, 4, new PreQNUpdate.TdError(0, 0), PreQNUpdate.Timing.NONE);

        assertThat(skipped.outcome()).isEqualTo(PreQNUpdate.Outcome.SKIPPED_NON_FINITE);
        assertThat(skipped.deltaMaxAbs()).isNaN();
        assertThat(skipped.lambda()).isNaN();
        assertThat(zero.outcome()).isEqualTo(PreQNUpdate.Outcome.ZERO_ERROR);
        assertThat(zero.cosineBefore()).isNaN();
        assertThat(zero.trials()).isZero();
        assertThat(zero.stepFraction()).isZero();
    }
}
