package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.lab.LabRun;
import dev.rl4j.preqn.PreQNConfiguration;
import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The PreQN, error-clamp and preset options of {@code run} and {@code regress}, and a short smoke run. */
class LearnerOptionsTest {

    private static CartpoleSettings settings(String... args) {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.learner.cartpole(1, 1000);
    }

    @Test
    void defaultsLeavePreqnUnclampedWithoutHoldAndRl4jClampAtOne() {
        CartpoleSettings s = settings("--algo", "preqn");
        assertThat(s.preqn()).isEqualTo(PreQNConfiguration.defaults());
        assertThat(s.errorClamp()).isEqualTo(1.0);
        assertThat(s.preset()).isEqualTo(CartpolePreset.RL4J_DEFAULTS);
        assertThat(s.asMap()).containsEntry("preqn_td_clamp", "off").containsEntry("preqn_hold_bootstrap", "false")
                .containsEntry("error_clamp", "1.0");
    }

    @Test
    void preqnOptionsReachTheConfiguration() {
        CartpoleSettings s = settings("--algo", "preqn", "--alpha", "0.2", "--eta", "0.5", "--damping", "0.001",
                "--td-clamp", "off", "--hold-bootstrap");
        assertThat(s.preqn().alpha()).isEqualTo(0.2);
        assertThat(s.preqn().eta()).isEqualTo(0.5);
        assertThat(s.preqn().damping()).isEqualTo(0.001);
        assertThat(s.preqn().tdErrorClamp()).isEqualTo(PreQNConfiguration.TD_CLAMP_OFF);
        assertThat(s.preqn().holdBootstrap()).isTrue();
        assertThat(CartpoleExperiment.provenance(s).get("preqn_configuration").toString())
                .contains("holdBootstrap=true").contains("eta=0.5");
        assertThat(settings("--algo", "preqn", "--td-clamp", "rl4j").preqn().inheritRl4jErrorClamp()).isTrue();
        assertThat(settings("--algo", "preqn", "--td-clamp", "2.5").preqn().tdErrorClamp()).isEqualTo(2.5);
        assertThat(settings("--algo", "preqn", "--no-hold-bootstrap").preqn().holdBootstrap()).isFalse();
    }

    @Test
    void invalidPreqnOptionsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> settings("--algo", "preqn", "--td-clamp", "0"))
                .hasMessage("--td-clamp must be a number > 0, 'off' or 'rl4j', got '0'");
        assertThatThrownBy(() -> settings("--algo", "preqn", "--td-clamp", "abc")).hasMessageContaining("got 'abc'");
        assertThatThrownBy(() -> settings("--algo", "preqn", "--alpha", "1.5")).hasMessage("alpha must be in (0, 1], got 1.5");
        assertThatThrownBy(() -> settings("--algo", "preqn", "--hold-bootstrap", "--target"))
                .hasMessageContaining("holdBootstrap must be false when targetNetwork is true");
        assertThatThrownBy(() -> settings("--algo", "dqn", "--eta", "0.5"))
                .hasMessageContaining("apply to --algo preqn only");
    }

    @Test
    void errorClampIsRl4jsAndAcceptsOff() {
        QLearningConfiguration off = CartpoleExperiment.configuration(settings("--algo", "dqn", "--error-clamp", "off"));
        assertThat(off.getErrorClamp()).isNaN();
        assertThat(CartpoleExperiment.configuration(settings("--error-clamp", "0.5")).getErrorClamp()).isEqualTo(0.5);
        assertThatThrownBy(() -> settings("--error-clamp", "-1"))
                .hasMessageContaining("--error-clamp must be a number > 0 or 'off', got '-1'");
    }

    @Test
    void officialExamplePresetIsDqnCartpolesConfiguration() {
        CartpoleSettings s = settings("--preset", "official-example", "--algo", "dqn");
        QLearningConfiguration c = CartpoleExperiment.configuration(s);
        assertThat(c.getBatchSize()).isEqualTo(128);
        assertThat(c.getExpRepMaxSize()).isEqualTo(150000);
        assertThat(c.getTargetDqnUpdateFreq()).isEqualTo(500);
        assertThat(c.getUpdateStart()).isEqualTo(10);
        assertThat(c.getRewardFactor()).isEqualTo(0.01);
        assertThat(c.getErrorClamp()).isEqualTo(1.0);
        assertThat(c.getEpsilonNbStep()).isEqualTo(1000);
        assertThat(c.getMinEpsilon()).isEqualTo(0.1);
        assertThat(c.isDoubleDQN()).isTrue();
        assertThat(c.getMaxEpochStep()).isEqualTo(200);
        assertThat(s.asMap()).containsEntry("network", "4-300-300-2").containsEntry("learning_rate", "RmsProp 2.5E-5");
        assertThat(s.evalEpisodes()).isEqualTo(10);
        CartpoleSettings p = settings("--preset", "official-example", "--algo", "preqn");
        assertThat(p.targetNetwork()).isFalse();
        assertThat(CartpoleExperiment.configuration(p).isDoubleDQN()).isFalse();
    }

    @Test
    void runExpectationCoversTheRunsMetrics() {
        assertThat(RunExpectation.parse("greedy_return>=195").holds(Map.of("greedy_return", 200.0))).isTrue();
        assertThat(RunExpectation.parse("max_abs_q<100").holds(Map.of("max_abs_q", Double.NaN))).isFalse();
        assertThatThrownBy(() -> RunExpectation.parse("episodes>=1")).hasMessageContaining("metric must be one of");
    }

    @Test
    void smokeRunReportsGreedyReturnMaxAbsQAndItsSettings(@TempDir Path out) {
        LabRun r = LabRun.of("run", "--algo", "preqn", "--steps", "300", "--seed", "3", "--td-clamp", "off",
                "--hold-bootstrap", "--eta", "0.5", "--eval-episodes", "2", "--expect", "max_abs_q>=0",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("greedy_episodes").asInt()).isEqualTo(2);
        assertThat(j.get("greedy_return").asDouble()).isBetween(1.0, 200.0);
        assertThat(j.get("max_abs_q").asDouble()).isPositive().isFinite();
        assertThat(j.get("q_bound").asDouble()).isEqualTo(1.0 / (1 - 0.99), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(j.get("best_mean100").isNumber()).isTrue();
        assertThat(j.get("pass").asBoolean()).isTrue();
        assertThat(j.toString()).contains("preqn_hold_bootstrap").contains("holdBootstrap=true");
    }
}
