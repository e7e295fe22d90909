package dev.rl4j.lab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeSchedule;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.lab.options.StepsOption;
import dev.rl4j.lab.run.Algo;
import dev.rl4j.lab.run.CartpoleExperiment;
import dev.rl4j.lab.run.CartpoleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.StatUtils;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-listener}: the cost of the diagnostics listener. Trains RL4J's default DQN (4-100-100-100-2, Adam) on
 * CartPole with the same seed without and with {@link NtkDiagnostics} (default settings, so the default
 * {@link ProbeSchedule#adaptive()}), alternating the two, and prints both total wall times, their ratio, each
 * pair's ratio and the median of those (the goal: at most 1.05), and the probes each run made. Beside wall time it
 * reports the CPU time of the training thread (RL4J trains and the listener probes on that thread; with
 * {@code OMP_NUM_THREADS=1} ND4J computes there too), whose ratio a loaded, shared machine does not distort.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-listener", mixinStandardHelpOptions = true,
        description = "Wall time of CartPole DQN training without and with the NTK diagnostics listener.")
public final class BenchListenerCommand implements Callable<Integer> {

    /** CPU time of the training (calling) thread. */
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    @Mixin
    JsonSummary summary;

    @Mixin
    StepsOption steps = new StepsOption(20000, 100);

    @Option(names = "--pairs", defaultValue = "2", description = "with/without pairs, >= 1 (default ${DEFAULT-VALUE})")
    int pairs;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() {
        int steps = this.steps.get();
        long seed = this.seed.get();
        if (pairs < 1) {
            throw new IllegalArgumentException("--pairs must be >= 1, got " + pairs);
        }
        CartpoleSettings s = CartpoleSettings.defaults(Algo.DQN, seed, steps);
        double without = 0;
        double with = 0;
        long probes = 0;
        double probeMillis = 0;
        double withoutCpu = 0;
        double withCpu = 0;
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Integer> probesPerRun = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            long c0 = THREAD.getCurrentThreadCpuTime();
            double a = CartpoleExperiment.run(s, "DQN", List.of()).seconds();
            double aCpu = (THREAD.getCurrentThreadCpuTime() - c0) / 1e9;
            NtkDiagnostics diagnostics = NtkDiagnostics.builder().seed(seed).build();
            List<TrainingListener> listeners = List.of(diagnostics);
            long c1 = THREAD.getCurrentThreadCpuTime();
            double b = CartpoleExperiment.run(s, "DQN+diagnostics", listeners).seconds();
            double bCpu = (THREAD.getCurrentThreadCpuTime() - c1) / 1e9;
            withoutCpu += aCpu;
            withCpu += bCpu;
            cpuRatios.add(bCpu / aCpu);
            probes += diagnostics.history().size();
            probesPerRun.add(diagnostics.history().size());
            probeMillis += diagnostics.history().stream().mapToDouble(r -> r.measurement().probeMillis()).sum();
            without += a;
            with += b;
            ratios.add(b / a);
        }
        summary.print(new JsonLine().put("bench", "listener").put("steps", steps).put("pairs", pairs)
                .put("schedule", ProbeSchedule.adaptive().toSettings()).put("without_s", without).put("with_s", with)
                .put("ratio", with / without).put("pair_ratios", ratios).put("median_pair_ratio", StatUtils.percentile(
                        ratios.stream().mapToDouble(Double::doubleValue).toArray(), 50))
                .put("without_cpu_s", withoutCpu).put("with_cpu_s", withCpu).put("cpu_ratio", withCpu / withoutCpu)
                .put("pair_cpu_ratios", cpuRatios).put("median_pair_cpu_ratio", StatUtils.percentile(
                        cpuRatios.stream().mapToDouble(Double::doubleValue).toArray(), 50))
                .put("probes", probes).put("probes_per_run", probesPerRun)
                .put("probe_s", probeMillis / 1000).put("probe_share", probeMillis / 1000 / with));
        return 0;
    }
}
