package dev.rl4j.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rl4j.lab.LabRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad options: exit code 2 and a message naming the option, the allowed range and the value; no stack trace. */
class NtkStudyOptionsTest {

    @TempDir
    Path dir;

    private LabRun run(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "ntk-study";
        args[1] = "--out";
        args[2] = dir.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return LabRun.of(args);
    }

    private static void assertRejected(LabRun r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                arguments("zeroWidthIsRejectedWithTheRange", "--widths", "32,0",
                        "--widths values must be in [1, 4096], got 0"),
                arguments("tooDeepIsRejectedWithTheRange", "--depths", "1,17",
                        "--depths values must be in [1, 16], got 17"),
                arguments("repeatedWidthIsRejected", "--widths", "32,32",
                        "--widths must not repeat a value"),
                arguments("zeroSeedsIsRejectedWithTheRange", "--seeds", "0",
                        "--seeds must be in [1, 100], got 0"),
                arguments("oneStateIsRejectedWithTheRange", "--states", "1",
                        "--states must be in [2, 2000], got 1"),
                arguments("seedZeroIsRejectedBecauseDl4jIgnoresIt", "--seed", "0",
                        "--seed must be >= 1 (DL4J ignores a network seed of 0), got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void anOutOfRangeValueIsRejectedWithTheRange(String what, String option, String value, String message) {
        assertRejected(run(option, value), message);
    }

    @Test
    void unknownActivationIsRejectedNamingIt() {
        assertRejected(run("--activations", "relu,cosine"), "--activation must be relu, tanh, sin");
        assertThat(run("--activations", "relu,cosine").err()).contains("'cosine'");
    }

    @Test
    void nonIntegerWidthIsAPicocliParameterError() {
        LabRun r = run("--widths", "32,big");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--widths").contains("big");
    }

    @Test
    void outThatIsAFileIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        LabRun r = LabRun.of("ntk-study", "--quick", "--out", file.toString());
        assertRejected(r, "--out must be a directory");
    }

    @Test
    void gridValidationNamesTheOptionWhenBuiltDirectly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StudyGrid(java.util.List.of(), new int[] {8},
                new int[] {1}, 1, 4, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--activations");
    }
}
