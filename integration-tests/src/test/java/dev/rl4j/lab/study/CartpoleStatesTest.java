package dev.rl4j.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CartpoleStatesTest {

    @Test
    void theSameSeedGivesTheSameBatch() {
        CartpoleStates a = CartpoleStates.rollout(50, 7);
        CartpoleStates b = CartpoleStates.rollout(50, 7);
        assertThat(a.states()).isDeepEqualTo(b.states());
        assertThat(a.actions()).containsExactly(b.actions());
    }

    @Test
    void aRandomPolicyVisitsSeveralEpisodesWithinCartpoleLimits() {
        CartpoleStates s = CartpoleStates.rollout(300, 0);
        int resets = 0;
        for (double[] x : s.states()) {
            assertThat(Math.abs(x[0])).isLessThanOrEqualTo(2.4);           // x threshold of CartpoleNative
            assertThat(Math.abs(x[2])).isLessThanOrEqualTo(12 * Math.PI / 180); // theta threshold
            resets += Math.abs(x[0]) <= 0.05 && Math.abs(x[1]) <= 0.05 && Math.abs(x[2]) <= 0.05
                    && Math.abs(x[3]) <= 0.05 ? 1 : 0;
        }
        assertThat(resets).isGreaterThan(3); // a random policy falls within ~20 steps; resets are near zero
        assertThat(s.actions()).contains(0, 1);
    }
}
