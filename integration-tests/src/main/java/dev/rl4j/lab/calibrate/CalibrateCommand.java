package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.DiagnosticsConfig;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.ParsingConverter;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.run.RegressCommand;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code calibrate}: runs the labelled suite ({@link CalibrationSuite}) with the diagnostics listener attached with
 * its defaults, judges each run's outcome in the harness ({@link OutcomeJudge}), and reports what each finding kind
 * and the default warning set predicted ({@link WarningMetrics}): one JSON line (stdout), {@code calibrate-runs.csv}
 * and {@code calibrate-report.html} in {@code --out}. {@code --period} and {@code --consecutive} vary the listener for
 * tuning; the JSON's {@code tuning} object replays other debouncing and eq. 17 thresholds on the recorded probes.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Labelled runs with known outcomes: recall, false alarms and lead of each diagnostics finding.")
public final class CalibrateCommand implements Callable<Integer> {

    @Mixin
    JsonSummary summary;

    @Option(names = "--quick", description = "fewer and shorter CartPole runs (<= 10 minutes on 2 cores)")
    boolean quick;

    @Option(names = "--seeds", defaultValue = "1..3", converter = SeedsConverter.class,
            description = "seeds, a..b or a,b,c: tuning 1..3, held out 11..13 (default ${DEFAULT-VALUE})")
    SeedList seeds;

    @Option(names = "--period", description = "listener probe period in updates (default: the listener's own)")
    Integer period;

    @Option(names = "--consecutive", description = "listener debouncing, probes in a row (default: the listener's own)")
    Integer consecutive;

    @Option(names = "--cartpole-steps", description = "environment steps per CartPole run (default 1500, quick 1000)")
    Integer cartpoleSteps;

    @Option(names = "--testbed-updates", description = "updates per testbed run (default 1000, also with --quick: Baird with semi-gradient Q needs about 570 to diverge)")
    Integer testbedUpdates;

    @Option(names = "--testbeds-only", description = "only the linear testbeds (seconds; for tests)")
    boolean testbedsOnly;

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/calibrate");

    /**
     * The seeds of {@code --seeds} and the text they were given as.
     *
     * @param text   as given, e.g. {@code 1..3}
     * @param values the seeds, in order
     */
    record SeedList(String text, long[] values) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code --seeds}: {@link RegressCommand#parseSeeds}. */
    static final class SeedsConverter extends ParsingConverter<SeedList> {
        SeedsConverter() {
            super(text -> new SeedList(text, RegressCommand.parseSeeds(text)));
        }
    }

    /** Runs one entry of the suite. */
    static RunRecord run(SuiteEntry e, ListenerSetup setup) {
        if (e.scenario() instanceof Scenario.Cartpole c) {
            return CartpoleRunner.run(e, c.learner(), setup);
        }
        return TestbedRunner.run(e, (Scenario.Linear) e.scenario(), setup);
    }

    @Override
    public Integer call() {
        CalibrationSuite defaults = CalibrationSuite.of(quick);
        CalibrationSuite suite = new CalibrationSuite(cartpoleSteps != null ? cartpoleSteps : defaults.cartpoleSteps(),
                testbedUpdates != null ? testbedUpdates : defaults.testbedUpdates(), quick);
        ListenerSetup setup = new ListenerSetup(period, consecutive);
        DiagnosticsConfig config = setup.config();
        List<SuiteEntry> entries = suite.entries(seeds.values(), !testbedsOnly);
        List<RunRecord> runs = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < entries.size(); i++) {
            SuiteEntry e = entries.get(i);
            RunRecord r = run(e, setup);
            runs.add(r);
            FirstWarnings w = FirstWarnings.recorded(r.probes());
            summary.err().printf(Locale.ROOT, "calibrate [%d/%d] %s: %s%s, %d probes, first warning %s (%.1f s)%n",
                    i + 1, entries.size(), e.id(), r.outcome().label(),
                    r.outcome().diverged() ? " at update " + r.outcome().divergedAt() : "", r.probes().size(),
                    w.warning() < 0 ? "none" : "at update " + w.warning(), r.seconds());
            summary.err().flush();
        }
        Provenance provenance = summary.provenance();
        Path csv = CalibrationReport.csv(out.get().resolve("calibrate-runs.csv"), provenance, runs);
        Path replay = CalibrationReport.replayCsv(out.get().resolve("calibrate-replay.csv"), provenance, runs,
                config.rules());
        Map<String, String> settings = new LinkedHashMap<>();
        summary.settings().forEach((k, v) -> settings.put(k, String.valueOf(v)));
        Path html = CalibrationReport.html(out.get().resolve("calibrate-report.html"), provenance, settings, runs);
        JsonLine line = new JsonLine().put("command", "calibrate").putAll(CalibrationReport.summary(runs, config))
                .put("seconds", (System.nanoTime() - start) / 1e9)
                .put("files", Map.of("csv", csv.toString(), "replay_csv", replay.toString(), "html", html.toString()));
        summary.print(line);
        return 0;
    }
}
