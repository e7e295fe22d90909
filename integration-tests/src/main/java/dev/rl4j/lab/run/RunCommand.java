package dev.rl4j.lab.run;

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

    @Option(names = "--env", defaultValue = "cartpole", description = "cartpole (default ${DEFAULT-VALUE})")
    String env;

    @Option(names = "--algo", defaultValue = "dqn", description = "dqn | ddqn | preqn (default ${DEFAULT-VALUE})")
    String algo;

    @Option(names = "--no-target", description = "no target network (sync after every update)")
    boolean noTarget;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate of dqn/ddqn (default ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--steps", defaultValue = "5000", description = "environment steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--hidden", defaultValue = "100", description = "hidden units per layer (default ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--layers", defaultValue = "3", description = "hidden layers (default ${DEFAULT-VALUE})")
    int layers;

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
        if (!env.equalsIgnoreCase("cartpole")) {
            throw new IllegalArgumentException("--env must be cartpole, got '" + env + "'");
        }
        Algo a = parseAlgo(algo);
        CartpoleSettings s = CartpoleSettings.defaults(a, seed, steps).withLearningRate(lr).withNetwork(hidden, layers);
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
        System.out.println(String.format(Locale.ROOT,
                "{\"command\":\"run\",\"env\":\"cartpole\",\"algo\":\"%s\",\"seed\":%d,\"steps\":%d,\"episodes\":%d,"
                        + "\"mean100\":%.2f,\"seconds\":%.1f,\"steps_per_second\":%.0f,\"report\":\"%s\"}",
                a.name().toLowerCase(Locale.ROOT), seed, lastStep, eps.size(), EpisodeRecorder.meanOfLast(eps, 100),
                r.seconds(), lastStep / r.seconds(), report.toString().replace("\\", "/")));
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
