package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.lab.LabRun;
import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.regression.Expectation;
import dev.rl4j.regression.SeedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void expectationParsesAndEvaluatesEachOperator() {
        assertThat(Expectation.parse("mean100>=195").holds(Map.of("mean100", 195.0))).isTrue();
        assertThat(Expectation.parse("mean100>195").holds(Map.of("mean100", 195.0))).isFalse();
        assertThat(Expectation.parse(" best_mean100 < 10 ").holds(Map.of("best_mean100", 9.5))).isTrue();
        assertThat(Expectation.parse("episodes<=3").holds(Map.of("episodes", Double.NaN))).isFalse();
    }

    @Test
    void expectationRejectsUnknownMetricsAndSyntax() {
        assertThatThrownBy(() -> Expectation.parse("reward>=1")).hasMessageContaining("metric must be one of");
        assertThatThrownBy(() -> Expectation.parse("mean100=195")).hasMessageContaining("must look like 'mean100>=195'");
    }

    @Test
    void seedsParseAsRangesOrLists() {
        assertThat(RegressCommand.parseSeeds("1..5")).containsExactly(1, 2, 3, 4, 5);
        assertThat(RegressCommand.parseSeeds("7, 3")).containsExactly(7, 3);
        assertThatThrownBy(() -> RegressCommand.parseSeeds("5..1")).hasMessageContaining("ascending");
        assertThatThrownBy(() -> RegressCommand.parseSeeds("a..b")).hasMessageContaining("--seeds must be a range");
        assertThatThrownBy(() -> RegressCommand.parseSeeds("1,2,1")).hasMessage("--seeds must be distinct, got '1,2,1' (1 twice)");
    }

    @Test
    void bestMean100IsTheHighestWindowOfOneHundredEpisodes() {
        List<RunSeries.Episode> eps = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            eps.add(new RunSeries.Episode(i, i + 1, i >= 100 && i < 200 ? 200 : 10));
        }
        assertThat(SeedResult.bestMean100(eps.stream().map(RunSeries.Episode::reward).toList())).isEqualTo(200.0);
        assertThat(EpisodeRecorder.mean100(eps)).isEqualTo(10.0);
    }

    @Test
    void badArgumentsExitWithTwoAndAMessageNotAStackTrace() {
        LabRun r = LabRun.of("run", "--algo", "sarsa");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--algo").contains("expected one of dqn, ddqn, preqn, q-learning, got 'sarsa'")
                .doesNotContain("at dev.rl4j");
        LabRun bad = LabRun.of("regress", "--seeds", "1..3", "--min-pass", "4");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--min-pass must be in [0, 3], got 4");
    }

    @Test
    void settingsValidationNamesTheField() {
        assertThatThrownBy(() -> CartpoleSettings.defaults(Algo.DQN, 1, 0)).hasMessage("steps must be >= 1, got 0");
        assertThatThrownBy(() -> CartpoleSettings.defaults(Algo.DQN, 1, 10).withLearningRate(-1))
                .hasMessage("learningRate must be finite and > 0, got -1.0");
    }

    @Test
    void anExplicitLearningRateIsTheTestbedStepSizeEvenWhenItEqualsTheCartpoleDefault() {
        LabRun r = LabRun.of("run", "--env", "w2w", "--algo", "dqn", "--gamma", "0.9", "--lr", "0.001", "--steps", "5");
        assertThat(r.exitCode()).isZero();
        assertThat(r.json().get("alpha").asDouble()).isEqualTo(0.001);
        assertThat(LabRun.of("run", "--env", "w2w", "--algo", "dqn", "--steps", "5").json().get("alpha").asDouble())
                .isEqualTo(0.05);
    }
}
