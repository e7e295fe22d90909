package dev.rl4j.lab.run;

import dev.rl4j.diagnostics.ProbeSchedule;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.Progress;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.lab.options.StepsOption;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.preqn.PreQNDiscreteDense;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import dev.rl4j.regression.SeedResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code demo}: the README's main job. Trains RL4J's official CartPole example configuration
 * ({@link CartpolePreset#OFFICIAL_EXAMPLE}: double DQN with a target network every 500 updates, RmsProp) and the
 * one-line swap to PreQN (PreQN's defaults, no target network) with the NTK diagnostics attached, plays greedy
 * episodes at a few checkpoints during training ({@link GreedyCheckpoints}) and after it, samples PreQN's update
 * telemetry ({@link UpdateTelemetrySampler}), and writes {@code report.html} plus the diagnostics CSV and JSON Lines
 * files and the episodes of both runs. Every figure in the report and in the JSON line is measured in the run.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train RL4J's official CartPole example (double DQN) and its one-line PreQN swap with NTK "
                + "diagnostics, greedy evaluations and PreQN telemetry; writes an HTML report.")
public final class DemoCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    /**
     * Default steps per learner: both learners together fit the 5-minute budget on 2 cores (measured CPU time in
     * docs/results.md, demo); the official example's own budget is {@link #EXAMPLE_STEPS}.
     */
    static final int DEFAULT_STEPS = 3500;
    /** The official example's maxStep. */
    static final int EXAMPLE_STEPS = 15000;
    /** Greedy checkpoints during training, as fractions of the step budget (plus one after training). */
    static final int CHECKPOINTS = 4;
    /** Telemetry samples per PreQN run, about (one per window of steps / this many updates). */
    static final int TELEMETRY_SAMPLES = 150;

    @Mixin
    JsonSummary summary;

    @Mixin
    StepsOption steps = new StepsOption(DEFAULT_STEPS, 100);

    @Mixin
    SeedOption seed = new SeedOption(123);

    @Mixin
    ProbeOptions probes = new ProbeOptions();

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/demo");

    @Override
    public Integer call() {
        int steps = this.steps.get();
        long seed = this.seed.get();
        ProbeSchedule schedule = probes.schedule();
        Path out = this.out.get();
        long[] checkpoints = checkpoints(steps, CHECKPOINTS);
        int every = Math.max(1, steps / TELEMETRY_SAMPLES);
        List<RunSeries> series = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "demo");
        summary.put("preset", CartpolePreset.OFFICIAL_EXAMPLE.toString());
        summary.put("seed", seed);
        summary.put("steps", steps);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("env", "CartpoleNative, episode cap 200");
        settings.put("preset", CartpolePreset.OFFICIAL_EXAMPLE + " (RL4J's DQNCartpole example; PreQN: the one-line "
                + "swap with PreQN's defaults, no target network)");
        settings.put("steps per learner", steps + (steps < EXAMPLE_STEPS ? " (the official example trains "
                + EXAMPLE_STEPS + " steps; the demo's default budget keeps both runs within 5 minutes on 2 cores)" : ""));
        settings.put("seed", String.valueOf(seed));
        settings.put("diagnostics schedule", probes.describe());
        settings.put("greedy checkpoints (steps)", LongStream.of(checkpoints).mapToObj(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("none") + ", and after training (at the first episode end "
                + "at or after each; separate environment, inference only)");
        settings.put("PreQN telemetry sample", "at the first episode end after every " + every + " updates");
        Map<String, String> results = new LinkedHashMap<>();
        List<Algo> algos = List.of(Algo.DDQN, Algo.PREQN);
        try (Progress progress = Progress.start("demo", (long) steps * algos.size(), "steps")) {
            for (int i = 0; i < algos.size(); i++) {
                Algo algo = algos.get(i);
                String key = algo.name().toLowerCase(Locale.ROOT);
                CartpoleSettings s = CartpoleSettings.of(CartpolePreset.OFFICIAL_EXAMPLE, algo, seed, steps);
                double gamma = CartpoleExperiment.configuration(s).getGamma();
                log.info("demo: training {} for {} steps ({})", algo, steps, s.asMap());
                progress.extraMessage(KebabEnumConverter.kebab(algo));
                this.summary.addProvenance(key, CartpoleExperiment.provenance(s));
                GreedyCheckpoints greedy = new GreedyCheckpoints(s, gamma, checkpoints);
                UpdateTelemetrySampler telemetry = new UpdateTelemetrySampler(every);
                CartpoleExperiment.Result r = CartpoleExperiment.runWithDiagnostics(s, algo.name(), out, schedule,
                        probes.consecutive(), this.summary.provenanceSettings(),
                        List.of(greedy, telemetry, new ProgressListener(progress, (long) i * steps, steps)));
                List<RunSeries.Episode> eps = r.series().episodes();
                long lastStep = eps.isEmpty() ? 0 : eps.get(eps.size() - 1).step();
                RunSeries.Greedy last = greedy.evaluate(r.learner(), lastStep);
                RunSeries run = r.series().with(greedy.evaluations(), telemetry.samples());
                series.add(run);
                RunCommand.writeEpisodes(out.resolve(key + "-episodes.csv"), this.summary.provenance(), eps);
                s.asMap().forEach((k, v) -> settings.put(key + " " + k, v));
                Map<String, Object> one = learnerSummary(run, last, r);
                summary.put(key, one);
                one.forEach((k, v) -> results.put(algo.name() + " " + k, String.valueOf(v)));
            }
        }
        settings.put("rl4j", "1.0.0-M1.1");
        Path report = HtmlReport.write(out.resolve("report.html"),
                "rl4j-lab demo: RL4J's official CartPole example, double DQN against PreQN", settings, results,
                this.summary.provenance(), series);
        log.info("demo: report written to {}", report.toAbsolutePath());
        summary.put("report", report.toString().replace('\\', '/'));
        this.summary.print(new JsonLine().putAll(summary));
        return 0;
    }

    /** What the run measured, for the JSON line and the report's results table. */
    static Map<String, Object> learnerSummary(RunSeries run, RunSeries.Greedy last, CartpoleExperiment.Result r) {
        List<RunSeries.Episode> eps = run.episodes();
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("episodes", eps.size());
        one.put("steps", eps.isEmpty() ? 0 : eps.get(eps.size() - 1).step());
        one.put("mean100", round(EpisodeRecorder.mean100(eps)));
        one.put("best_mean100", round(SeedResult.bestMean100(eps.stream().map(RunSeries.Episode::reward).toList())));
        one.put("greedy_return", round(last.meanReturn()));
        one.put("greedy_episodes", last.episodes());
        one.put("greedy_checkpoints", run.greedy().stream().map(g -> g.step() + ":" + round(g.meanReturn())).toList());
        one.put("max_abs_q", round(last.maxAbsQ()));
        one.put("q_bound", round(last.qBound()));
        one.put("probes", run.probes().size());
        one.put("findings", run.probes().stream().flatMap(p -> p.activeKinds().stream())
                .map(Enum::name).distinct().toList());
        if (r.learner() instanceof PreQNDiscreteDense<?> preqn) {
            PreQNUpdateAlgorithm a = preqn.updateAlgorithm();
            one.put("updates", a.updates());
            one.put("line_search_failures", a.lineSearchFailures());
            one.put("skipped_updates", a.skippedUpdates());
            one.put("solve_failures", a.solveFailures());
        }
        one.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        return one;
    }

    /**
     * {@code count - 1} checkpoint steps evenly inside the budget: steps * k / count for k = 1 .. count - 1 (the last
     * evaluation is played after training).
     */
    static long[] checkpoints(int steps, int count) {
        return LongStream.range(1, count).map(k -> (long) steps * k / count).filter(x -> x >= 1).distinct().toArray();
    }

    /** Three decimals; NaN stays NaN. */
    private static double round(double x) {
        return Double.isFinite(x) ? Math.round(x * 1000) / 1000.0 : x;
    }
}
