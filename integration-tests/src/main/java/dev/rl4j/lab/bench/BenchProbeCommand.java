package dev.rl4j.lab.bench;

import dev.rl4j.diagnostics.ProbeStages;
import dev.rl4j.diagnostics.StandaloneProbe;
import dev.rl4j.diagnostics.Transition;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.ntk.EigenvalueMethod;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.StabilityMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-probe}: times one full diagnostics probe ({@link StandaloneProbe}: exactly the listener's computation
 * and finding rules) on a fresh network and a seeded batch, and prints one JSON line with {@code median_ms} and the
 * per-stage medians {@code stages_ms} ({@link ProbeStages.Stage}), plus {@code cpu_median_ms}, the median CPU time of
 * the calling thread (with one BLAS and one OpenMP thread all the work runs there; on a shared machine it leaves out
 * the time the thread waited for a core). With {@code --reference} the reference path (full
 * eigen-decompositions) is timed too, alternating with the default path in the same run, and the line adds its
 * medians, the {@code speedup} (reference median / median) and how far the two paths' metrics differ.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-probe", mixinStandardHelpOptions = true,
        description = "Time one full NTK diagnostics probe and its stages; prints one JSON line.")
public final class BenchProbeCommand implements Callable<Integer> {

    @Mixin
    JsonSummary summary;

    @Mixin
    NetOptions network = new NetOptions("4-100-100-100-2", 256, 1);

    @Option(names = "--data", defaultValue = "cartpole",
            description = "cartpole (random-policy CartPole transitions; needs 4 inputs, 2 actions) | gaussian "
                    + "(default ${DEFAULT-VALUE})")
    String data;

    @Option(names = "--gamma", defaultValue = "0.99", description = "discount (default ${DEFAULT-VALUE})")
    double gamma;

    @Option(names = "--alpha", defaultValue = "0.001", description = "step size (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--preqn", description = "probe a PreQN learner: metrics of the preconditioned kernel "
            + "(damping 1e-6)")
    boolean preqn;

    @Option(names = "--reference", description = "also time the reference path (full eigen-decompositions), "
            + "alternating with the default path")
    boolean reference;

    @Mixin
    TimingOptions timing = new TimingOptions();

    @Mixin
    SeedOption seed = new SeedOption(42);

    @Override
    public Integer call() {
        NetSpec spec = network.net();
        int batch = network.batch();
        int reps = timing.reps(50);
        int warmup = timing.warmup(20);
        int blasThreads = timing.applyThreads();
        List<Transition> transitions = transitions(spec, batch);
        MultiLayerNetwork net = spec.build(seed.get(), DataType.FLOAT, LabOptions.activation("relu"));
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        StandaloneProbe.Settings settings = new StandaloneProbe.Settings(gamma, alpha, 1.0, 0.025,
                preqn ? 1e-6 : Double.NaN, dev.rl4j.diagnostics.FindingRules.live());
        List<EigenvalueMethod> methods = reference
                ? List.of(EigenvalueMethod.KRYLOV, EigenvalueMethod.FULL_DECOMPOSITION)
                : List.of(EigenvalueMethod.KRYLOV);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<EigenvalueMethod, Runs> runs = new LinkedHashMap<>();
        for (EigenvalueMethod m : methods) {
            runs.put(m, new Runs(reps));
        }
        for (int i = 0; i < warmup + reps; i++) {
            for (EigenvalueMethod m : methods) { // alternating: both paths see the same machine load
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                StandaloneProbe.Result r = StandaloneProbe.run(net, ntk, transitions, settings, m);
                long nanos = System.nanoTime() - start;
                long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
                if (i >= warmup) {
                    runs.get(m).add(i - warmup, nanos, cpu, r);
                }
            }
        }
        Runs fast = runs.get(EigenvalueMethod.KRYLOV);
        JsonLine line = Timings.ofNanos(fast.total).putTo(new JsonLine().put("bench", "probe")
                .put("net", spec.toString()).put("batch", batch).put("data", data).put("preqn", preqn)
                .put("method", "krylov").put("params", net.numParams()).put("warmup", warmup))
                .put("cpu_median_ms", Timings.ofNanos(fast.cpu).medianMs())
                .put("stages_ms", fast.stageMedians())
                .put("findings", fast.last.findings().stream().map(f -> f.kind().name()).toList());
        if (reference) {
            Runs ref = runs.get(EigenvalueMethod.FULL_DECOMPOSITION);
            Timings t = Timings.ofNanos(ref.total);
            double refCpu = Timings.ofNanos(ref.cpu).medianMs();
            line.put("reference", new JsonLine().put("method", "full-decomposition").put("median_ms", t.medianMs())
                    .put("min_ms", t.minMs()).put("p90_ms", t.p90Ms()).put("cpu_median_ms", refCpu)
                    .put("stages_ms", ref.stageMedians()));
            line.put("speedup", t.medianMs() / Timings.ofNanos(fast.total).medianMs());
            line.put("cpu_speedup", refCpu / Timings.ofNanos(fast.cpu).medianMs());
            line.put("relative_difference", differences(fast.last, ref.last));
        }
        summary.print(line.put("blas_threads", blasThreads)
                .put("omp_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        return 0;
    }

    private List<Transition> transitions(NetSpec spec, int batch) {
        return switch (data) {
            case "cartpole" -> {
                if (spec.inputs() != 4 || spec.actions() != 2) {
                    throw new IllegalArgumentException("--data cartpole needs 4 inputs and 2 actions, got --net "
                            + spec);
                }
                yield ProbeTransitions.cartpole(batch, seed.get());
            }
            case "gaussian" -> ProbeTransitions.gaussian(batch, spec.inputs(), spec.actions(), seed.get());
            default -> throw new IllegalArgumentException("--data must be cartpole or gaussian, got " + data);
        };
    }

    /** |x - x_ref| / |x_ref| of the metrics found by eigenvalue work (null when a path measured no kernel). */
    private static Map<String, Object> differences(StandaloneProbe.Result fast, StandaloneProbe.Result ref) {
        Map<String, ToDoubleFunction<StabilityMetrics>> metrics = new LinkedHashMap<>();
        metrics.put("eig_min", StabilityMetrics::eigMin);
        metrics.put("eig_max", StabilityMetrics::eigMax);
        metrics.put("cond", StabilityMetrics::conditionNumber);
        metrics.put("seem", StabilityMetrics::seem);
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((name, f) -> {
            double a = fast.measurement().kernelMetric(f);
            double b = ref.measurement().kernelMetric(f);
            out.put(name, Math.abs(a - b) / Math.abs(b));
        });
        out.put("eig_max_value", fast.measurement().kernelMetric(StabilityMetrics::eigMax));
        out.put("eig_min_value", fast.measurement().kernelMetric(StabilityMetrics::eigMin));
        out.put("seem_value", fast.measurement().kernelMetric(StabilityMetrics::seem));
        return out;
    }

    /** The timings of one path: total and per stage, per repetition. */
    private static final class Runs {
        final long[] total;
        final long[] cpu;
        final long[][] stages;
        StandaloneProbe.Result last;

        Runs(int reps) {
            total = new long[reps];
            cpu = new long[reps];
            stages = new long[ProbeStages.Stage.values().length][reps];
        }

        void add(int rep, long nanos, long cpuNanos, StandaloneProbe.Result r) {
            total[rep] = nanos;
            cpu[rep] = cpuNanos;
            for (ProbeStages.Stage s : ProbeStages.Stage.values()) {
                stages[s.ordinal()][rep] = r.stages().nanos(s);
            }
            last = r;
        }

        Map<String, Double> stageMedians() {
            Map<String, Double> out = new LinkedHashMap<>();
            for (ProbeStages.Stage s : ProbeStages.Stage.values()) {
                out.put(s.name().toLowerCase(Locale.ROOT), Timings.ofNanos(stages[s.ordinal()]).medianMs());
            }
            return out;
        }
    }
}
