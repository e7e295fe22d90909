package dev.rl4j.lab.run;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.report.RunSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the README's main job. Trains RL4J's double DQN (target network, Adam) and PreQN (no target network,
 * no Adam) on CartPole with the NTK diagnostics attached, and writes {@code report.html} plus the diagnostics CSV and
 * JSON Lines files of both runs.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train double DQN and PreQN on CartPole with NTK diagnostics; writes an HTML report.")
public final class DemoCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--steps", defaultValue = "20000", description = "environment steps per learner (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--seed", defaultValue = "1", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--period", defaultValue = "500", description = "updates between diagnostics probes (default ${DEFAULT-VALUE})")
    int period;

    @Option(names = "--out", defaultValue = "rl4j-lab-out/demo", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        if (steps < 100) {
            throw new IllegalArgumentException("--steps must be >= 100, got " + steps);
        }
        if (period < 1) {
            throw new IllegalArgumentException("--period must be >= 1, got " + period);
        }
        List<RunSeries> series = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "demo");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("env", "CartpoleNative, episode cap 200");
        settings.put("steps per learner", String.valueOf(steps));
        settings.put("seed", String.valueOf(seed));
        settings.put("diagnostics period (updates)", String.valueOf(period));
        for (Algo algo : List.of(Algo.DDQN, Algo.PREQN)) {
            CartpoleSettings s = CartpoleSettings.defaults(algo, seed, steps);
            log.info("demo: training {} for {} steps ({})", algo, steps, s.asMap());
            CartpoleExperiment.Result r = CartpoleExperiment.runWithDiagnostics(s, algo.name(), out, period);
            series.add(r.series());
            RunCommand.writeEpisodes(out.resolve(algo.name().toLowerCase() + "-episodes.csv"), r.series().episodes());
            s.asMap().forEach((k, v) -> settings.put(algo.name().toLowerCase() + " " + k, v));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("episodes", r.series().episodes().size());
            one.put("mean100", EpisodeRecorder.meanOfLast(r.series().episodes(), 100));
            one.put("probes", r.series().probes().size());
            one.put("findings", r.series().probes().stream().flatMap(p -> p.activeKinds().stream()).map(Enum::name)
                    .distinct().toList());
            one.put("seconds", r.seconds());
            summary.put(algo.name().toLowerCase(), one);
        }
        settings.put("rl4j", "1.0.0-M1.1");
        Path report = HtmlReport.write(out.resolve("report.html"), "rl4j-lab demo: double DQN and PreQN on CartPole",
                settings, series);
        log.info("demo: report written to {}", report.toAbsolutePath());
        summary.put("report", report.toString().replace('\\', '/'));
        JsonLine line = new JsonLine();
        summary.forEach(line::put);
        commandSpec.commandLine().getOut().println(line);
        return 0;
    }
}
