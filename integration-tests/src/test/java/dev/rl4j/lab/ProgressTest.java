package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void modesParseCaseInsensitivelyAndBlankIsAuto() {
        assertThat(Progress.Mode.parse("always")).isEqualTo(Progress.Mode.ALWAYS);
        assertThat(Progress.Mode.parse(" NEVER ")).isEqualTo(Progress.Mode.NEVER);
        assertThat(Progress.Mode.parse("Auto")).isEqualTo(Progress.Mode.AUTO);
        assertThat(Progress.Mode.parse(null)).isEqualTo(Progress.Mode.AUTO);
        assertThat(Progress.Mode.parse("")).isEqualTo(Progress.Mode.AUTO);
        assertThatThrownBy(() -> Progress.Mode.parse("sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RL4J_LAB_PROGRESS").hasMessageContaining("sometimes");
    }

    @Test
    void theSystemPropertyChoosesTheMode() {
        String before = System.getProperty(Progress.PROPERTY);
        try {
            System.setProperty(Progress.PROPERTY, "never");
            assertThat(Progress.Mode.configured()).isEqualTo(Progress.Mode.NEVER);
            System.setProperty(Progress.PROPERTY, "always");
            assertThat(Progress.Mode.configured()).isEqualTo(Progress.Mode.ALWAYS);
            System.setProperty(Progress.PROPERTY, "bogus");
            assertThat(Progress.Mode.configured()).isEqualTo(Progress.Mode.AUTO);
        } finally {
            restore(before);
        }
    }

    @Test
    void terminalDevicesAreToldFromPipesAndFiles() {
        assertThat(Progress.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Progress.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Progress.isTerminalDevice("/dev/console")).isTrue();
        assertThat(Progress.isTerminalDevice("pipe:[4711]")).isFalse();
        assertThat(Progress.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Progress.isTerminalDevice("/home/me/run.log")).isFalse();
    }

    @Test
    void neverAndTheTestJvmGiveTheNoOp() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(Progress.start("t", 10, "steps", Progress.Mode.NEVER, captured, 80).isNoOp()).isTrue();
        // surefire's forked JVM writes stderr into a pipe, never a terminal
        assertThat(Progress.stderrIsTerminal()).isFalse();
        assertThat(Progress.start("t", 10, "steps", Progress.Mode.AUTO, captured, 80).isNoOp()).isTrue();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void theNoOpWritesNothingToStderr() {
        String before = System.getProperty(Progress.PROPERTY);
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            for (String mode : new String[] {"never", "auto"}) {
                System.setProperty(Progress.PROPERTY, mode);
                try (Progress p = Progress.start("demo", 100, "steps")) {
                    assertThat(p.isNoOp()).isTrue();
                    p.extraMessage("ddqn");
                    p.step(10);
                    p.stepTo(60);
                }
            }
        } finally {
            System.setErr(err);
            restore(before);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void alwaysDrawsTheBarOnTheGivenStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.start("demo", 100, "steps", Progress.Mode.ALWAYS, captured, 100)) {
            assertThat(p.isNoOp()).isFalse();
            p.extraMessage("ddqn");
            p.step(10);
            p.stepTo(40);
            p.stepTo(30); // never moves back
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("demo").contains("40/100 steps").contains("ddqn").endsWith(System.lineSeparator());
    }

    @Test
    void aBarOnStderrClearsItsLineBeforeEachLogLineAndRestoresStderr() {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try {
            System.setErr(captured);
            try (Progress p = Progress.start("regress", 10, "steps", Progress.Mode.ALWAYS, System.err, 80)) {
                assertThat(System.err).isNotSameAs(captured);
                System.err.print("a log line\n");
                p.step(10);
            }
            assertThat(System.err).isSameAs(captured);
        } finally {
            System.setErr(err);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\r\u001b[Ka log line\n").contains("10/10 steps");
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(Progress.PROPERTY);
        } else {
            System.setProperty(Progress.PROPERTY, before);
        }
    }
}
