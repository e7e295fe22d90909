package dev.rl4j.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.diagnostics.FindingKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Arguments are checked where they are given; messages name the field, the value and the accepted range. */
class AgentRegressionValidationTest {

    private static AgentRegression any() {
        return AgentRegression.legacy(seed -> CartpoleFixtures.legacy(seed, 10));
    }

    @Test
    void invalidArgumentsAreRejectedWithFieldValueAndRange() {
        assertThatThrownBy(() -> any().seeds()).hasMessage("seeds must not be empty, got []");
        assertThatThrownBy(() -> any().seeds(1, 2, 1)).hasMessage("seeds must be distinct, got [1, 2, 1] (1 twice)");
        assertThatThrownBy(() -> any().seeds(1, 2).minPassing(3))
                .hasMessage("minPassing must be in [1, 2] (the number of seeds), got 3");
        assertThatThrownBy(() -> any().seeds(1, 2).minPassing(0))
                .hasMessage("minPassing must be in [1, 2] (the number of seeds), got 0");
        assertThatThrownBy(() -> any().minPassing(3).seeds(1, 2))
                .hasMessage("minPassing must be in [1, 2] (the number of seeds), got 3");
        assertThatThrownBy(() -> any().minPassing(-1)).hasMessage("minPassing must be in [1, 2147483647], got -1");
        assertThatThrownBy(() -> any().timeLimit(Duration.ZERO)).hasMessage("timeLimit must be > 0, got PT0S");
        assertThatThrownBy(() -> any().timeLimit(Duration.ofSeconds(-2))).hasMessage("timeLimit must be > 0, got PT-2S");
        assertThatThrownBy(() -> any().expectNoFinding()).hasMessage("expectNoFinding needs at least one FindingKind, got none");
        assertThatThrownBy(() -> any().expect("mean100 = 3")).hasMessageContaining("got 'mean100 = 3'");
        assertThatThrownBy(() -> AgentRegression.builder(seed -> CartpoleFixtures.builder(seed), 0))
                .hasMessage("stepBudget must be in [1, 2147483647], got 0");
        assertThatThrownBy(() -> AgentRegression.legacy(null)).isInstanceOf(NullPointerException.class).hasMessage("factory");
        assertThatThrownBy(() -> any().run()).isInstanceOf(IllegalStateException.class)
                .hasMessage("seeds must be set before run(), e.g. seeds(1, 2, 3)");
        assertThatThrownBy(() -> any().expectNoFinding(FindingKind.NON_FINITE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void expectationsParseLikeTheLabsRegressCommand() {
        assertThat(Expectation.parse(" best_mean100 >= 195 ")).isEqualTo(new Expectation("best_mean100", ">=", 195));
        assertThat(Expectation.parse("mean100<1e3").toString()).isEqualTo("mean100<1000.0");
        assertThat(Expectation.parse("episodes>-2.5").threshold()).isEqualTo(-2.5);
        assertThatThrownBy(() -> Expectation.parse("mean100 == 3"))
                .hasMessage("expectation must look like 'mean100>=195' (metric, >= > <= or <, number), got 'mean100 == 3'");
        assertThatThrownBy(() -> Expectation.parse("reward>=3"))
                .hasMessageStartingWith("expectation metric must be one of ").hasMessageEndingWith(", got 'reward'");
        assertThatThrownBy(() -> Expectation.parse("mean100>=1.2.3"))
                .hasMessage("expectation threshold must be a number, got '1.2.3' in 'mean100>=1.2.3'");
        assertThatThrownBy(() -> new Expectation("mean100", "==", 1)).hasMessageContaining("got '=='");
    }

    @Test
    void expectationsCompareAndNaNNeverHolds() {
        Map<String, Double> m = Map.of("mean100", 10.0, "best_mean100", Double.NaN, "episodes", 3.0);
        assertThat(Expectation.parse("mean100>=10").holds(m)).isTrue();
        assertThat(Expectation.parse("mean100>10").holds(m)).isFalse();
        assertThat(Expectation.parse("mean100<=10").holds(m)).isTrue();
        assertThat(Expectation.parse("episodes<3").holds(m)).isFalse();
        assertThat(Expectation.parse("best_mean100<1e9").holds(m)).isFalse();
        assertThat(Expectation.parse("best_mean100>=0").holds(Map.of())).isFalse();
    }

    @Test
    void mean100AndBestMean100FollowTheLabsDefinitions() {
        java.util.List<Double> returns = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            returns.add(i < 100 ? 10.0 : 0.0);
        }
        assertThat(SeedResult.mean100(returns)).isEqualTo(5.0);
        assertThat(SeedResult.bestMean100(returns)).isEqualTo(10.0);
        assertThat(SeedResult.bestMean100(java.util.List.of(1.0, 3.0))).isEqualTo(2.0);
        assertThat(SeedResult.mean100(java.util.List.of())).isNaN();
    }
}
