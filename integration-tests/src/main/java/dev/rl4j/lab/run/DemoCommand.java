package dev.rl4j.lab.run;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.Progress;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.lab.options.StepsOption;
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
import picocli.CommandLine.Mixin;

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

    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);

    @Mixin
    JsonSummary summary;

    @Mixin
    StepsOption steps = new StepsOption(20000, 100);

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Mixin
    ProbeOptions probes = new ProbeOptions(500);

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/demo");

    @Override
    public Integer call() {
        int steps = this.steps.get();
        long seed = this.seed.get();
        int period = probes.period();
        Path out = this.out.get();
        List<RunSeries> series = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("command", "demo");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("env", "CartpoleNative, episode cap 200");
        settings.put("steps per learner", String.valueOf(steps));
        settings.put("seed", String.valueOf(seed));
        settings.put("diagnostics period (updates)", String.valueOf(period));
        List<Algo> algos = List.of(Algo.DDQN, Algo.PREQN);
        try (Progress progress = Progress.start("demo", (long) steps * algos.size(), "steps")) {
            for (int i = 0; i < algos.size(); i++) {
                Algo algo = algos.get(i);
                CartpoleSettings s = CartpoleSettings.defaults(algo, seed, steps);
                log.info("demo: training {} for {} steps ({})", algo, steps, s.asMap());
                progress.extraMessage(KebabEnumConverter.kebab(algo));
                this.summary.addProvenance(algo.name().toLowerCase(), CartpoleExperiment.provenance(s));
                CartpoleExperiment.Result r = CartpoleExperiment.runWithDiagnostics(s, algo.name(), out, period,
                        probes.consecutive(), this.summary.provenanceSettings(),
                        List.of(new ProgressListener(progress, (long) i * steps, steps)));
                series.add(r.series());
                RunCommand.writeEpisodes(out.resolve(algo.name().toLowerCase() + "-episodes.csv"),
                        this.summary.provenance(), r.series().episodes());
                s.asMap().forEach((k, v) -> settings.put(algo.name().toLowerCase() + " " + k, v));
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("episodes", r.series().episodes().size());
                one.put("mean100", EpisodeRecorder.mean100(r.series().episodes()));
                one.put("probes", r.series().probes().size());
                one.put("findings", r.series().probes().stream().flatMap(p -> p.activeKinds().stream())
                        .map(Enum::name).distinct().toList());
                one.put("seconds", r.seconds());
                summary.put(algo.name().toLowerCase(), one);
            }
        }
        settings.put("rl4j", "1.0.0-M1.1");
        Path report = HtmlReport.write(out.resolve("report.html"), "rl4j-lab demo: double DQN and PreQN on CartPole",
                settings, this.summary.provenance(), series);
        log.info("demo: report written to {}", report.toAbsolutePath());
        summary.put("report", report.toString().replace('\\', '/'));
        this.summary.print(new JsonLine().putAll(summary));
        return 0;
    }
}
