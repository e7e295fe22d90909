package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PreQNConfigurationTest {

    @Test
    void defaultsAreValidAndFollowThePaper() {
        PreQNConfiguration c = PreQNConfiguration.defaults();

        assertThat(c.alpha()).isEqualTo(0.1);
        assertThat(c.eta()).isEqualTo(0.95);
        assertThat(c.targetNetwork()).isFalse();
        assertThat(c.doubleQ()).isFalse();
        assertThat(c.failurePolicy()).isEqualTo(LineSearchFailurePolicy.REJECT_STEP);
    }

    @Test
    void alphaOutsideZeroExclusiveToOneIsRejectedWithFieldRangeAndValue() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().alpha(0.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> PreQNConfiguration.builder().alpha(1.5).build()).hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> PreQNConfiguration.builder().alpha(Double.NaN).build()).hasMessageContaining("NaN");
    }

    @Test
    void etaOutsideZeroToOneExclusiveIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().eta(1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("eta must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> PreQNConfiguration.builder().eta(-0.1).build()).hasMessageContaining("got -0.1");
    }

    @Test
    void shrinkOutsideTheOpenUnitIntervalIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().shrink(1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shrink must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> PreQNConfiguration.builder().shrink(0.0).build()).hasMessageContaining("got 0.0");
    }

    @Test
    void maxTrialsBelowOneIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().maxTrials(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTrials must be >= 1, got 0");
    }

    @Test
    void negativeOrInfiniteDampingIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().damping(-1e-3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("damping must be in [0, +Infinity), got -0.001");
        assertThatThrownBy(() -> PreQNConfiguration.builder().damping(Double.POSITIVE_INFINITY).build())
                .hasMessageContaining("Infinity");
    }

    @Test
    void doubleQWithoutATargetNetworkIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().doubleQ(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("doubleQ").hasMessageContaining("targetNetwork=false");
    }

    @Test
    void missingFailurePolicyIsRejected() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().failurePolicy(null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("failurePolicy");
    }

    @Test
    void doubleQWithATargetNetworkIsAccepted() {
        assertThat(PreQNConfiguration.builder().targetNetwork(true).doubleQ(true).build().doubleQ()).isTrue();
    }

    @Test
    void tdErrorClampIsOffByDefaultAndValidated() {
        PreQNConfiguration d = PreQNConfiguration.defaults();
        assertThat(d.tdErrorClamp()).isEqualTo(PreQNConfiguration.TD_CLAMP_OFF);
        assertThat(d.inheritRl4jErrorClamp()).isFalse();
        assertThat(d.holdBootstrap()).isFalse();
        assertThat(d.effectiveErrorClamp(1.0)).isNaN();
        assertThat(PreQNConfiguration.builder().tdErrorClamp(2.0).build().effectiveErrorClamp(1.0)).isEqualTo(2.0);
        assertThat(PreQNConfiguration.builder().inheritRl4jErrorClamp().build().effectiveErrorClamp(1.0))
                .isEqualTo(1.0);
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> PreQNConfiguration.builder().tdErrorClamp(bad).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tdErrorClamp").hasMessageContaining("(0, +Infinity]")
                    .hasMessageContaining("got " + bad);
        }
    }

    @Test
    void theBootstrapHoldLowersTheDefaultEtaButNotAnEtaTheUserSet() {
        assertThat(PreQNConfiguration.defaults().eta()).isEqualTo(0.95);
        assertThat(PreQNConfiguration.builder().holdBootstrap(true).build().eta())
                .isEqualTo(PreQNConfiguration.HOLD_BOOTSTRAP_ETA).isEqualTo(0.5);
        assertThat(PreQNConfiguration.builder().eta(0.9).holdBootstrap(true).build().eta()).isEqualTo(0.9);
        assertThat(PreQNConfiguration.builder().holdBootstrap(true).eta(0.95).build().eta()).isEqualTo(0.95);
        assertThat(PreQNConfiguration.builder().holdBootstrap(true).holdBootstrap(false).build().eta()).isEqualTo(0.95);
    }

    @Test
    void inheritingRl4jsClampExcludesAnOwnClamp() {
        assertThatThrownBy(() -> new PreQNConfiguration(0.1, 0.95, 0.5, 10, 1e-6, false, false,
                LineSearchFailurePolicy.REJECT_STEP, 1.0, true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inheritRl4jErrorClamp").hasMessageContaining("got tdErrorClamp=1.0");
        assertThat(PreQNConfiguration.builder().inheritRl4jErrorClamp().tdErrorClamp(3.0).build()
                .inheritRl4jErrorClamp()).isFalse();
    }
}
