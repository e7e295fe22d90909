package dev.rl4j.lab.run;

import static dev.rl4j.lab.options.KebabEnumConverter.kebab;

import dev.rl4j.lab.CsvTable;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.lab.options.StepsOption;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.lab.testbed.TestbedRun;
import dev.rl4j.lab.testbed.TsitsiklisVanRoy;
import dev.rl4j.provenance.Provenance;
import dev.rl4j.regression.SeedResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run}: trains one learner on CartPole, Acrobot or MountainCar ({@link Task}) and writes episodes.csv and report.html to {@code --out}, or drives a
 * linear testbed ({@code --env baird|w2w|tvr}) with the update algorithms. The JSON line echoes every option in
 * {@code settings}.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train one learner on an environment; writes episodes.csv and report.html, prints one JSON line.")
public final class RunCommand implements Callable<Integer> {

    /** Environments of {@code run}. */
    public enum Env {
        /** RL4J's CartpoleNative through the legacy pipeline. */
        CARTPOLE(Task.CARTPOLE),
        /** Gym's Acrobot-v1 (dev.rl4j.lab.env) through the legacy pipeline. */
        ACROBOT(Task.ACROBOT),
        /** Gym's MountainCar-v0 (dev.rl4j.lab.env) through the legacy pipeline. */
        MOUNTAINCAR(Task.MOUNTAINCAR),
        /** Baird's counterexample (linear features, semi-gradient or PreQN updates). */
        BAIRD(null),
        /** The two-state "w -> 2w" doubling example. */
        W2W(null),
        /** Tsitsiklis and Van Roy's fitted value iteration example (no learner choice). */
        TVR(null);

        private final Task task;

        Env(Task task) {
            this.task = task;
        }

        /** The RL task a deep learner trains on; null for a linear testbed. */
        public Task task() {
            return task;
        }

        /** {@code cartpole | acrobot | mountaincar | baird | w2w | tvr}; {@code mountain-car} is accepted too. */
        public static final class Converter extends KebabEnumConverter<Env> {
            public Converter() {
                super(Env.class, Map.of("mountain-car", MOUNTAINCAR));
            }
        }
    }

    @Mixin
    JsonSummary summary;

    @Option(names = "--env", defaultValue = "cartpole", converter = Env.Converter.class,
            description = "cartpole | acrobot | mountaincar (deep learners) | baird | w2w | tvr (linear testbeds) "
                    + "(default ${DEFAULT-VALUE})")
    Env env;

    @Mixin
    LearnerOptions learner = new LearnerOptions(Algo.DQN);

    @Mixin
    StepsOption steps = new StepsOption(5000, 1);

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--hidden", description = "hidden units per layer (default 100; 300 with --preset official-example)")
    Integer hidden;

    @Option(names = "--layers", description = "hidden layers (default 3; 2 with --preset official-example)")
    Integer layers;

    @Option(names = "--gamma", description = "discount of the w2w testbed (default 0.9) and of tvr (default 0.99)")
    Double gamma;

    @Option(names = "--eps", defaultValue = "0.1", description = "termination probability of tvr (default ${DEFAULT-VALUE})")
    double eps;

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/run");

    @Option(names = "--eval-episodes", description = "greedy episodes played after training on CartPole, reported as "
            + "greedy_return (default 0; 10 with --preset official-example)")
    Integer evalEpisodes;

    @Option(names = "--expect", converter = RunExpectation.Converter.class,
            description = "exit 1 unless the run meets it: METRIC>=X or METRIC<=X (also > <), METRIC one of "
                    + "mean100, best_mean100, greedy_return, max_abs_q")
    RunExpectation expect;

    @Override
    public Integer call() {
        Task task = env.task();
        if (task == null) {
            return testbed();
        }
        CartpoleSettings s = learner.settings(task, seed.get(), steps.get());
        s = s.withNetwork(hidden != null ? hidden : s.hidden(), layers != null ? layers : s.layers());
        if (evalEpisodes != null) {
            s = s.withEvalEpisodes(evalEpisodes);
        }
        Algo a = s.algo();
        summary.addProvenance("learner", CartpoleExperiment.provenance(task, s));
        CartpoleExperiment.Result r = CartpoleExperiment.run(task, s, a.name(), List.of());
        writeEpisodes(out.get().resolve("episodes.csv"), summary.provenance(), r.series().episodes());
        Path report = HtmlReport.write(out.get().resolve("report.html"),
                "rl4j-lab run: " + a.name() + " on " + task.title(), CartpoleExperiment.describe(task, s),
                summary.provenance(), List.of(r.series()));
        List<RunSeries.Episode> eps = r.series().episodes();
        long lastStep = eps.isEmpty() ? 0 : eps.get(eps.size() - 1).step();
        TrainedEvaluation eval = TrainedEvaluation.of(r.learner(), task, s,
                CartpoleExperiment.configuration(s).getGamma());
        List<Double> returns = eps.stream().map(RunSeries.Episode::reward).toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("mean100", EpisodeRecorder.mean100(eps));
        metrics.put("best_mean100", SeedResult.bestMean100(returns));
        metrics.put("greedy_return", eval.greedyReturn());
        metrics.put("max_abs_q", eval.maxAbsQ());
        JsonLine line = new JsonLine().put("command", "run").put("env", kebab(env))
                .put("preset", learner.preset.toString()).put("algo", kebab(a)).put("seed", seed.get())
                .put("steps", lastStep).put("episodes", eps.size())
                .put("mean100", round(metrics.get("mean100"), 100))
                .put("best_mean100", round(metrics.get("best_mean100"), 100))
                .put("greedy_return", eval.greedyReturn()).put("greedy_episodes", eval.greedyEpisodes())
                .put("max_abs_q", eval.maxAbsQ()).put("q_bound", eval.qBound())
                .put("seconds", round(r.seconds(), 10)).put("steps_per_second", Math.round(lastStep / r.seconds()));
        boolean pass = expect == null || expect.holds(metrics);
        if (expect != null) {
            line.put("expect", expect.toString()).put("pass", pass);
        }
        summary.print(line.put("report", report.toString().replace('\\', '/')));
        return pass ? 0 : 1;
    }

    /** {@code x} rounded to 1/scale (the precision the line had when it was a format template); NaN stays NaN. */
    private static double round(double x, double scale) {
        return Double.isFinite(x) ? Math.round(x * scale) / scale : x;
    }

    /** The linear testbeds: --steps counts updates, --lr is the step size alpha. */
    private int testbed() {
        Algo a = learner.algo() == Algo.DQN ? Algo.Q_LEARNING : learner.algo(); // 'dqn': the old spelling
        if (env != Env.TVR && a != Algo.Q_LEARNING && a != Algo.PREQN) {
            throw new IllegalArgumentException("--algo must be q-learning or preqn on a testbed, got '"
                    + kebab(a) + "'");
        }
        int updates = steps.get();
        double alpha = learner.lr(a == Algo.PREQN ? 1.0 : 0.05);
        String testbedAlgo = a == Algo.PREQN ? "preqn" : "dqn"; // TestbedRun's names
        JsonLine line = new JsonLine().put("command", "run").put("env", kebab(env))
                .put("algo", kebab(a)).put("alpha", alpha).put("updates", updates);
        if (env == Env.TVR) { // fitted value iteration has no learner choice: the known factor gamma (6 - 4 eps) / 5
            double g = gamma != null ? gamma : 0.99;
            double w = 1.0;
            for (int t = 0; t < updates; t++) {
                w = TsitsiklisVanRoy.fittedValueIterationStep(w, g, eps);
            }
            line.put("gamma", g).put("eps", eps).put("w_end", w).put("factor", TsitsiklisVanRoy.factor(g, eps))
                    .put("critical_gamma", TsitsiklisVanRoy.criticalGamma(eps)).put("diverges", Math.abs(w) > 1);
        } else {
            int probeEvery = Math.max(1, updates / 50);
            TestbedRun.Outcome o = env == Env.BAIRD
                    ? TestbedRun.baird(testbedAlgo, alpha, updates, seed.get(), probeEvery)
                    : TestbedRun.twoStateDoubling(testbedAlgo, alpha, gamma != null ? gamma : 0.9, updates, probeEvery);
            line.put("start_max_abs_q", o.startMaxAbsQ()).put("end_max_abs_q", o.endMaxAbsQ())
                    .put("diverged_at", o.divergedAt() < 0 ? null : o.divergedAt())
                    .put("flagged_at", o.flaggedAt() < 0 ? null : o.flaggedAt());
            if (env == Env.W2W) {
                line.put("gamma", gamma != null ? gamma : 0.9);
            }
        }
        summary.print(line);
        return 0;
    }

    /** episodes.csv: {@code episode,step,return}, one row per finished episode. */
    static void writeEpisodes(Path file, Provenance provenance, List<RunSeries.Episode> episodes) {
        CsvTable.write(file, provenance, List.of("episode", "step", "return"),
                episodes.stream().map(e -> List.of(e.episode(), e.step(), e.reward())).toList());
    }
}
