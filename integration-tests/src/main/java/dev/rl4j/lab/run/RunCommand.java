package dev.rl4j.lab.run;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.report.RunSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: trains one learner on CartPole and writes episodes.csv and report.html to {@code --out}.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train one learner on an environment; writes episodes.csv and report.html, prints one JSON line.")
public final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--env", defaultValue = "cartpole", description = "cartpole | baird | w2w | tvr (default ${DEFAULT-VALUE})")
    String env;

    @Option(names = "--algo", defaultValue = "dqn", description = "dqn | ddqn | preqn (default ${DEFAULT-VALUE})")
    String algo;

    @Option(names = "--no-target", description = "no target network (sync after every update)")
    boolean noTarget;

    @Option(names = "--lr", description = "Adam learning rate of dqn/ddqn on CartPole (default 0.001); step size alpha on "
            + "a testbed (default 0.05 for dqn, 1.0 for preqn)")
    Double lr;

    @Option(names = "--steps", defaultValue = "5000", description = "environment steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hidden", defaultValue = "100", description = "hidden units per layer (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "hidden layers (default ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--gamma", description = "discount of the w2w testbed (default 0.9)")
    Double gamma;

    @Option(names = "--eps", defaultValue = "0.1", description = "termination probability of tvr (default ${DEFAULT-VALUE})")
    double eps;

    @Option(names = "--out", defaultValue = "rl4j-lab-out/run", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    static Algo parseAlgo(String text) {
        try {
            return Algo.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--algo must be dqn, ddqn or preqn, got '" + text + "'");
        }
    }

    @Override
    public Integer call() {
        switch (env.toLowerCase(Locale.ROOT)) {
            case "cartpole" -> {
            }
            case "baird", "w2w", "tvr" -> {
                return testbed();
            }
            default -> throw new IllegalArgumentException("--env must be cartpole, baird, w2w or tvr, got '" + env + "'");
        }
        Algo a = parseAlgo(algo);
        CartpoleSettings s = CartpoleSettings.defaults(a, seed, steps).withLearningRate(lr != null ? lr : 1e-3).withNetwork(hidden, layers);
        if (noTarget) {
            s = s.withTargetNetwork(false);
        }
        List<TrainingListener> listeners = new ArrayList<>();
        CartpoleExperiment.Result r = CartpoleExperiment.run(s, a.name(), listeners);
        writeEpisodes(out.resolve("episodes.csv"), r.series().episodes());
        Map<String, String> settings = s.asMap();
        settings.put("env", "cartpole");
        Path report = HtmlReport.write(out.resolve("report.html"), "rl4j-lab run: " + a.name() + " on CartPole", settings,
                List.of(r.series()));
        List<RunSeries.Episode> eps = r.series().episodes();
        long lastStep = eps.isEmpty() ? 0 : eps.get(eps.size() - 1).step();
        commandSpec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"command\":\"run\",\"env\":\"cartpole\",\"algo\":\"%s\",\"seed\":%d,\"steps\":%d,\"episodes\":%d,"
                        + "\"mean100\":%.2f,\"seconds\":%.1f,\"steps_per_second\":%.0f,\"report\":\"%s\"}",
                a.name().toLowerCase(Locale.ROOT), seed, lastStep, eps.size(), EpisodeRecorder.meanOfLast(eps, 100),
                r.seconds(), lastStep / r.seconds(), report.toString().replace("\\", "/")));
        return 0;
    }

    /** The linear testbeds: --steps counts updates, --lr is the step size alpha. */
    private int testbed() {
        String e = env.toLowerCase(Locale.ROOT);
        String a = algo.toLowerCase(Locale.ROOT);
        double alpha = lr != null ? lr : (a.equals("preqn") ? 1.0 : 0.05);
        JsonLine line = new JsonLine().put("command", "run").put("env", e).put("algo", a).put("alpha", alpha)
                .put("updates", steps);
        if (e.equals("tvr")) { // fitted value iteration has no learner choice: the known factor gamma (6 - 4 eps) / 5
            double g = gamma != null ? gamma : 0.99;
            double w = 1.0;
            for (int t = 0; t < steps; t++) {
                w = dev.rl4j.lab.testbed.TsitsiklisVanRoy.fittedValueIterationStep(w, g, eps);
            }
            line.put("gamma", g).put("eps", eps).put("w_end", w)
                    .put("factor", dev.rl4j.lab.testbed.TsitsiklisVanRoy.factor(g, eps))
                    .put("critical_gamma", dev.rl4j.lab.testbed.TsitsiklisVanRoy.criticalGamma(eps))
                    .put("diverges", Math.abs(w) > 1);
            commandSpec.commandLine().getOut().println(line);
            return 0;
        }
        int probeEvery = Math.max(1, steps / 50);
        dev.rl4j.lab.testbed.TestbedRun.Outcome o = e.equals("baird")
                ? dev.rl4j.lab.testbed.TestbedRun.baird(a, alpha, steps, seed, probeEvery)
                : dev.rl4j.lab.testbed.TestbedRun.twoStateDoubling(a, alpha, gamma != null ? gamma : 0.9, steps, probeEvery);
        line.put("start_max_abs_q", o.startMaxAbsQ()).put("end_max_abs_q", o.endMaxAbsQ())
                .put("diverged_at", o.divergedAt() < 0 ? null : o.divergedAt())
                .put("flagged_at", o.flaggedAt() < 0 ? null : o.flaggedAt());
        if (e.equals("w2w")) {
            line.put("gamma", gamma != null ? gamma : 0.9);
        }
        commandSpec.commandLine().getOut().println(line);
        return 0;
    }

    static void writeEpisodes(Path file, List<RunSeries.Episode> episodes) {
        StringBuilder sb = new StringBuilder("episode,step,return\n");
        for (RunSeries.Episode e : episodes) {
            sb.append(e.episode()).append(',').append(e.step()).append(',').append(e.reward()).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
