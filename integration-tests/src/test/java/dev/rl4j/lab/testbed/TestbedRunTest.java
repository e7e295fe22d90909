package dev.rl4j.lab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestbedRunTest {

    @Test
    void bairdDivergesUnderSemiGradientQAndIsFlaggedAtTheFirstProbeWhilePreqnConverges() {
        TestbedRun.Outcome dqn = TestbedRun.baird("dqn", 0.05, 2000, 1, 40);
        TestbedRun.Outcome preqn = TestbedRun.baird("preqn", 1.0, 2000, 1, 40);

        assertThat(dqn.divergedAt()).isBetween(0, 1999);
        assertThat(dqn.flaggedAt()).isBetween(0, 200); // within the first 10% of the updates
        assertThat(preqn.divergedAt()).isEqualTo(-1);
        assertThat(preqn.endMaxAbsQ()).isLessThan(preqn.startMaxAbsQ() / 100);
    }

    @Test
    void twoStateDoublingIsFlaggedExactlyWhenItDiverges() {
        TestbedRun.Outcome stable = TestbedRun.twoStateDoubling("dqn", 0.1, 0.4, 200, 10);
        TestbedRun.Outcome unstable = TestbedRun.twoStateDoubling("dqn", 0.1, 0.9, 200, 10);

        assertThat(stable.divergedAt()).isEqualTo(-1);
        assertThat(stable.flaggedAt()).isEqualTo(-1);
        assertThat(unstable.divergedAt()).isPositive();
        assertThat(unstable.flaggedAt()).isZero(); // SEEM = 2 gamma - 1 > 0 from the first probe
    }
}
