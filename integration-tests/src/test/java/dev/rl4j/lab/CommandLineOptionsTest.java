package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.lab.run.Algo;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Enum-typed options with kebab names, negatable --target, mixin defaults per command, settings in every JSON line. */
class CommandLineOptionsTest {

    /** The parsed value of {@code option} after {@code rl4j-lab args...} (no command is run). */
    private static Object parsed(String option, String... args) {
        CommandLine cl = RlLab.commandLine();
        CommandLine.ParseResult r = cl.parseArgs(args);
        return r.subcommand().commandSpec().findOption(option).getValue();
    }

    @Test
    void ntkMethodTakesKebabNamesInAnyCaseAndTheOldSpellings() {
        for (String s : List.of("per-sample", "PER-SAMPLE", "per_sample", "persample", "Per-Sample")) {
            assertThat(parsed("--method", "bench-ntk", "--method", s)).hasToString("PER_SAMPLE");
        }
        assertThat(parsed("--method", "bench-ntk")).hasToString("STRUCTURED");
        assertThat(parsed("--method", "bench-ntk", "--method", "structured").getClass().getName())
                .isEqualTo("dev.rl4j.ntk.NtkMethod");
    }

    @Test
    void targetIsNegatableAndUnsetMeansTheLearnersDefault() {
        assertThat(parsed("--target", "regress")).isNull();
        assertThat(parsed("--target", "regress", "--target")).isEqualTo(true);
        assertThat(parsed("--target", "regress", "--no-target")).isEqualTo(false);
        assertThat(parsed("--target", "run", "--no-target")).isEqualTo(false);
    }

    @Test
    void algoNamesTheThreeAlgorithmsApartAndKeepsOldSpellings() {
        assertThat(parsed("--algo", "run", "--algo", "double-dqn")).isEqualTo(Algo.DDQN);
        assertThat(parsed("--algo", "run", "--algo", "DDQN")).isEqualTo(Algo.DDQN);
        assertThat(parsed("--algo", "run", "--algo", "q-learning")).isEqualTo(Algo.Q_LEARNING);
        assertThat(parsed("--algo", "regress")).isEqualTo(Algo.PREQN);
        assertThat(parsed("--algo", "run")).isEqualTo(Algo.DQN);
        assertThat(parsed("--algo", "bench-update", "--algo", "ddqn")).isEqualTo(Algo.DDQN);
    }

    @Test
    void sharedMixinsKeepEachCommandsOwnDefaults() {
        assertThat(parsed("--seed", "bench-ntk")).isEqualTo(42L);
        assertThat(parsed("--seed", "run")).isEqualTo(1L);
        assertThat(parsed("--steps", "regress")).isEqualTo(30000);
        assertThat(parsed("--steps", "demo")).isEqualTo(3500);
        assertThat(parsed("--seed", "demo")).isEqualTo(123L);
        assertThat(parsed("--period", "demo")).isNull();     // the listener's default adaptive schedule
        assertThat(parsed("--period", "regress")).isNull();
        assertThat(parsed("--net", "bench-update")).hasToString("4-100-100-100-2");
        assertThat(parsed("--batch", "bench-ntk")).isEqualTo(256);
        assertThat(parsed("--out", "ntk-study")).hasToString("rl4j-lab-out/ntk-study");
    }

    @Test
    void badEnumValuesExitTwoNamingTheAcceptedOnes() {
        LabRun r = LabRun.of("bench-ntk", "--method", "fast");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--method").contains("structured, per-sample").contains("'fast'");
        LabRun net = LabRun.of("bench-ntk", "--net", "4-x-2");
        assertThat(net.exitCode()).isEqualTo(2);
        assertThat(net.err()).contains("--net width 'x' in '4-x-2' is not an integer");
    }

    @Test
    void aTestbedRunEchoesEveryOptionInItsSettings() {
        LabRun r = LabRun.of("run", "--env", "w2w", "--algo", "dqn", "--steps", "5", "--no-target");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("algo").asText()).isEqualTo("q-learning");
        JsonNode s = j.get("settings");
        assertThat(s.get("env").asText()).isEqualTo("w2w");
        assertThat(s.get("algo").asText()).isEqualTo("dqn");
        assertThat(s.get("target").asBoolean()).isFalse();
        assertThat(s.get("lr").isNull()).isTrue();
        assertThat(s.get("steps").asInt()).isEqualTo(5);
        assertThat(s.get("seed").asLong()).isEqualTo(1);
        assertThat(s.get("hidden").isNull()).isTrue();   // unset: the preset's width (100 for rl4j-defaults)
        assertThat(s.get("eps").asDouble()).isEqualTo(0.1);
        assertThat(s.get("out").asText()).isEqualTo("rl4j-lab-out/run");
        assertThat(s.has("help")).isFalse();
    }

    @Test
    void aBenchmarkEchoesItsSettings() {
        LabRun r = LabRun.of("bench-ntk", "--net", "4-8-2", "--batch", "4", "--method", "per_sample", "--reps", "1",
                "--warmup", "0", "--threads", "1", "--dtype", "DOUBLE");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("per-sample");
        assertThat(j.get("dtype").asText()).isEqualTo("double");
        JsonNode s = j.get("settings");
        assertThat(s.get("net").asText()).isEqualTo("4-8-2");
        assertThat(s.get("method").asText()).isEqualTo("per-sample");
        assertThat(s.get("reps").asInt()).isEqualTo(1);
        assertThat(s.get("seed").asLong()).isEqualTo(42);
        assertThat(s.get("activation").asText()).isEqualTo("relu");
    }

    @Test
    void regressSeedsAndExpectationAreTypedOptions() {
        assertThat(parsed("--seeds", "regress", "--seeds", "2..4")).hasToString("2..4");
        assertThat(parsed("--expect", "regress")).isNull(); // resolved per task at run time
        assertThat(parsed("--expect", "regress", "--expect", "best_mean100>=-100")).hasToString("best_mean100>=-100.0");
        assertThat(dev.rl4j.lab.run.Task.CARTPOLE.solvedReturn()).isEqualTo(195.0);
        assertThat(dev.rl4j.lab.run.Task.ACROBOT.solvedReturn()).isEqualTo(-100.0);
        assertThat(dev.rl4j.lab.run.Task.MOUNTAINCAR.solvedReturn()).isEqualTo(-110.0);
        LabRun r = LabRun.of("regress", "--seeds", "5..1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--seeds range must be ascending");
    }
}
