package dev.rl4j.lab.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeJudgeTest {

    @Test
    void boundIsRmaxOverOneMinusGammaWhenTheEnvironmentPays() {
        assertThat(OutcomeJudge.bound(1.0, 0.99, 0.3)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(OutcomeJudge.bound(2.0, 0.5, 0.3)).isEqualTo(4.0);
    }

    @Test
    void boundIsTenTimesTheStartWhenEveryRewardIsZero() {
        assertThat(OutcomeJudge.bound(0.0, 0.99, 12.0)).isEqualTo(120.0);
        assertThatThrownBy(() -> OutcomeJudge.bound(0.0, 0.99, 0.0)).hasMessageContaining("startMaxAbsQ")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> OutcomeJudge.bound(1.0, 1.0, 1.0)).hasMessageContaining("gamma must be in [0, 1)");
    }

    @Test
    void firstExceedanceIsTheFirstUpdateAboveTheBoundNotAtIt() {
        long[] updates = {1, 2, 3, 4, 5};
        assertThat(OutcomeJudge.firstExceedance(updates, new double[] {50, 99, 100, 100.5, 300}, 100)).isEqualTo(4);
        assertThat(OutcomeJudge.firstExceedance(updates, new double[] {50, 99, 100, 80, 10}, 100))
                .isEqualTo(Outcome.HEALTHY);
    }

    @Test
    void aNonFiniteValueIsDivergenceWhateverTheBound() {
        long[] updates = {10, 20, 30};
        assertThat(OutcomeJudge.firstExceedance(updates, new double[] {1, Double.NaN, 1}, 100)).isEqualTo(20);
        assertThat(OutcomeJudge.firstExceedance(updates, new double[] {1, 2, Double.POSITIVE_INFINITY}, 100))
                .isEqualTo(30);
    }

    @Test
    void onlineJudgeKeepsTheFirstDivergenceAndThePeak() {
        OutcomeJudge judge = new OutcomeJudge(100, 5);
        assertThat(judge.check(1, 40)).isFalse();
        assertThat(judge.check(2, 90)).isFalse();
        assertThat(judge.check(3, 101)).isTrue();
        assertThat(judge.check(4, 20)).isTrue(); // once diverged, always diverged
        Outcome o = judge.outcome(4);
        assertThat(o.diverged()).isTrue();
        assertThat(o.divergedAt()).isEqualTo(3);
        assertThat(o.peakMaxAbsQ()).isEqualTo(101);
        assertThat(o.startMaxAbsQ()).isEqualTo(5);
        assertThat(o.label()).isEqualTo("diverged");
    }

    @Test
    void aRunThatNeverPassesTheBoundIsHealthy() {
        OutcomeJudge judge = new OutcomeJudge(100, 5);
        for (long u = 1; u <= 50; u++) {
            assertThat(judge.check(u, 99.9)).isFalse();
        }
        Outcome o = judge.outcome(50);
        assertThat(o.diverged()).isFalse();
        assertThat(o.divergedAt()).isEqualTo(Outcome.HEALTHY);
        assertThat(o.updates()).isEqualTo(50);
        assertThat(o.label()).isEqualTo("healthy");
    }
}
