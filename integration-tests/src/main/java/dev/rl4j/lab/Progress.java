package dev.rl4j.lab;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress bar on stderr for the long commands (demo, regress, ntk-study), shown only when stderr is a terminal, so
 * that CI logs, pipes and files stay as they were. {@link #start} returns a no-op when the bar is off; the no-op never
 * loads the progress-bar library or jline.
 *
 * <p>{@code RL4J_LAB_PROGRESS} (environment) or {@code -Drl4j.lab.progress} (system property, which wins) chooses:
 * {@code auto} (default: a bar when file descriptor 2 is a TTY; on Windows when {@code System.console() != null}),
 * {@code always} or {@code never}.
 *
 * <p>Thread-safe as far as the library is (it renders on its own daemon thread). Stability: experimental.
 * @since 0.1
 */
public final class Progress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    /** The environment variable that chooses the {@link Mode}. */
    public static final String ENV = "RL4J_LAB_PROGRESS";
    /** The system property that chooses the {@link Mode}; wins over {@link #ENV}. */
    public static final String PROPERTY = "rl4j.lab.progress";

    private static final Progress NONE = new Progress(null);
    private static volatile Boolean stderrIsTerminal;

    /** When a bar is shown. */
    public enum Mode {
        /** When stderr is a terminal. */
        AUTO,
        /** Always (also into pipes and files). */
        ALWAYS,
        /** Never. */
        NEVER;

        /** {@code always}, {@code never} or {@code auto} (any case); null or blank is auto. */
        public static Mode parse(String text) {
            if (text == null || text.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV + " (or -D" + PROPERTY + ") must be always, never or auto, "
                        + "got '" + text + "'");
            }
        }

        /** The mode of {@link #PROPERTY}, else of {@link #ENV}, else auto; a bad value is logged and read as auto. */
        public static Mode configured() {
            String text = System.getProperty(PROPERTY, System.getenv(ENV));
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                log.warn("{}; using auto", e.getMessage());
                return AUTO;
            }
        }
    }

    private final Bar bar; // null: the no-op

    private Progress(Bar bar) {
        this.bar = bar;
    }

    /** A bar on stderr when the {@link Mode#configured() configured mode} allows it, else a no-op. */
    public static Progress start(String task, long total, String unit) {
        return start(task, total, unit, Mode.configured(), System.err, 0);
    }

    /**
     * A bar on {@code out} when {@code mode} allows it, else a no-op.
     *
     * @param total the count at completion (environment steps, kernels)
     * @param unit  name of the counted thing, shown after the counts
     * @param width columns of the bar line; 0 asks the terminal (through jline)
     */
    public static Progress start(String task, long total, String unit, Mode mode, PrintStream out, int width) {
        boolean on = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> stderrIsTerminal();
        };
        return on ? new Progress(new Bar(task, total, unit, out, width)) : NONE;
    }

    /** True when this shows nothing. */
    public boolean isNoOp() {
        return bar == null;
    }

    /** Advances by {@code n}. */
    public void step(long n) {
        if (bar != null) {
            bar.step(n);
        }
    }

    /** Sets the count done so far; never moves back. */
    public void stepTo(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** Text shown after the bar (the current learner or seed, say). */
    public void extraMessage(String message) {
        if (bar != null) {
            bar.message(message);
        }
    }

    /** Renders the last state and ends the bar's line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /**
     * Whether file descriptor 2 is a terminal, decided once per JVM. Linux: from where {@code /proc/self/fd/2} points
     * (a terminal device: {@code /dev/pts/N}, {@code /dev/tty*}, {@code /dev/console}; a pipe, socket or file is not),
     * about a millisecond; without {@code /proc} (macOS): {@code test -t 2} with stderr inherited (isatty, one short
     * process). Windows: {@code System.console() != null} (which looks at stdin and stdout).
     */
    public static boolean stderrIsTerminal() {
        Boolean known = stderrIsTerminal;
        if (known == null) {
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                known = System.console() != null;
            } else {
                String target = procFd2();
                known = target != null ? isTerminalDevice(target) : testTty2();
            }
            stderrIsTerminal = known;
        }
        return known;
    }

    /** True for the paths of terminal devices: {@code /dev/pts/N}, {@code /dev/tty*}, {@code /dev/console}. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    /** Where {@code /proc/self/fd/2} points ({@code pipe:[N]}, a file, a device); null without {@code /proc}. */
    private static String procFd2() {
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            return Files.isSymbolicLink(fd2) ? Files.readSymbolicLink(fd2).toString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean testTty2() {
        try {
            Process p = new ProcessBuilder("test", "-t", "2").redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The only class that touches the library (and, through it, jline); never loaded by the no-op. When the bar is on
     * {@code System.err}, {@code System.err} is replaced until {@link #close} by a stream that clears the bar's line
     * before each line written to it (the log), so that log lines print whole and the bar redraws below them.
     */
    private static final class Bar {
        private final ProgressBar bar;
        private final Consumer consumer;
        private final PrintStream replacedErr;

        Bar(String task, long total, String unit, PrintStream out, int width) {
            replacedErr = out == System.err ? out : null;
            if (replacedErr != null) {
                System.setErr(new PrintStream(new LineClearing(out), true, errCharset()));
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                    .setUpdateIntervalMillis(500).showSpeed()
                    .setConsumer(consumer = new Consumer(out, width > 0 ? width : -1))
                    .build();
        }

        void step(long n) {
            bar.stepBy(n);
        }

        synchronized void stepTo(long done) {
            if (done > bar.getCurrent()) {
                bar.stepTo(done);
            }
        }

        void message(String message) {
            bar.setExtraMessage(" " + message);
        }

        void close() {
            try {
                bar.close();
                if (!consumer.closed) { // closed before the library's first render: it then skips its close
                    consumer.close();
                }
            } finally {
                if (replacedErr != null) {
                    System.err.flush();
                    System.setErr(replacedErr);
                }
            }
        }

        private static Charset errCharset() {
            try {
                return Charset.forName(System.getProperty("sun.stderr.encoding",
                        System.getProperty("stderr.encoding", Charset.defaultCharset().name())));
            } catch (RuntimeException e) {
                return Charset.defaultCharset();
            }
        }
    }

    /** The library's plain consumer ("carriage return, bar"), recording whether the library closed it. */
    private static final class Consumer extends ConsoleProgressBarConsumer {
        volatile boolean closed;

        /** @param width columns; -1 asks the terminal */
        Consumer(PrintStream out, int width) {
            super(out, width);
        }

        @Override
        public void close() {
            closed = true;
            super.close();
        }
    }

    /** Writes "carriage return, erase line" before the first byte of every line. */
    private static final class LineClearing extends FilterOutputStream {
        private static final byte[] CLEAR = {'\r', 0x1b, '[', 'K'};
        private boolean lineStart = true;

        LineClearing(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len <= 0) {
                return;
            }
            if (lineStart) {
                out.write(CLEAR);
            }
            out.write(b, off, len);
            lineStart = b[off + len - 1] == '\n';
        }
    }
}
