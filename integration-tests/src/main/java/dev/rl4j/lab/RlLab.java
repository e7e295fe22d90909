package dev.rl4j.lab;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of {@code java -jar integration-tests/target/rl4j-lab.jar}. Applies the runtime settings that matter on
 * small machines before ND4J loads, re-launching the JVM once when a setting can only be given on its command line:
 * {@code OMP_NUM_THREADS=1} (unless set), {@code -XX:+UseSerialGC}, {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}
 * and a JavaCPP cache directory. Set {@code RL4J_LAB_NO_RELAUNCH=1} to run in the current JVM as it is.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class RlLab {

    static final String CHILD_MARKER = "RL4J_LAB_CHILD";

    private RlLab() {
    }

    public static void main(String[] args) throws Exception {
        if (needsRelaunch()) {
            System.exit(relaunch(args));
        }
        System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes",
                System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0"));
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured {@code rl4j-lab} command line, as {@link #main} runs it: an {@link IllegalArgumentException}
     * thrown by a subcommand prints {@code error: <message>} on the error writer and exits 2. Tests run it
     * in-process with {@link CommandLine#setOut} and {@link CommandLine#setErr}.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new RlLabCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(RlLab::reportFailure);
    }

    /** Bad arguments found while running: a message and exit code 2, never a stack trace. */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException) {
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + e.getMessage()));
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        }
        cmd.getErr().println(cmd.getColorScheme().errorText("failed: " + e));
        org.slf4j.LoggerFactory.getLogger(RlLab.class).error("{} failed", cmd.getCommandName(), e);
        return 1;
    }

    private static boolean needsRelaunch() {
        if (System.getenv(CHILD_MARKER) != null || "1".equals(System.getenv("RL4J_LAB_NO_RELAUNCH"))) {
            return false;
        }
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean serial = jvmArgs.stream().anyMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"));
        return System.getenv("OMP_NUM_THREADS") == null || !serial;
    }

    private static int relaunch(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        cmd.addAll(jvmArgs);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))) {
            cmd.add("-XX:+UseSerialGC");
        }
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.maxPhysicalBytes"))) {
            cmd.add("-Dorg.bytedeco.javacpp.maxPhysicalBytes=0");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(RlLab.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put(CHILD_MARKER, "1");
        pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        return pb.start().waitFor();
    }
}
