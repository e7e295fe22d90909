package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.DiagnosticsConfig;
import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.Severity;
import dev.rl4j.lab.CsvTable;
import dev.rl4j.lab.report.HtmlReport;
import dev.rl4j.lab.run.Algo;
import dev.rl4j.lab.run.CartpoleSettings;
import dev.rl4j.provenance.JsonValues;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The calibration's outputs: the JSON summary (table, tuning grid, the eq. 17 check on default DQN), the per-run CSV
 * and the HTML report with the recall / false-alarm chart.
 */
final class CalibrationReport {

    /** Debouncing values of the tuning grid (replayed on the recorded probes). */
    static final int[] TUNING_CONSECUTIVE = {1, 2, 3, 5};
    /** OVER_GENERALIZATION thresholds (minFraction17) of the tuning grid. */
    static final double[] TUNING_MIN_FRACTION17 = {0.5, 0.25, 0.1, 0.02};

    /** SELF_EXCITING thresholds (seemTolerance on SEEM / ||M||_F) of the replay table. */
    static final double[] TUNING_SEEM_TOLERANCE = {1e-9, 1e-3, 1e-2, 5e-2};

    private CalibrationReport() {
    }

    /** The summary's fields: counts, the table as recorded, warning set, tuning grid, eq. 17 check. */
    static Map<String, Object> summary(List<RunRecord> runs, DiagnosticsConfig config) {
        CalibrationMetrics table = CalibrationMetrics.recorded(runs);
        long diverged = runs.stream().filter(r -> r.outcome().diverged()).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs_total", runs.size());
        m.put("runs_diverged", diverged);
        m.put("runs_healthy", runs.size() - diverged);
        m.put("default_warning", table.warning().toJson());
        m.put("by_kind", table.byKindJson());
        m.put("warning_set", warningSet(config.rules()));
        m.put("listener", JsonValues.ordered("schedule", config.schedule().toSettings(), "consecutive_probes", config.consecutiveProbes(),
                "probe_size", config.probeSize(), "informational", config.rules().informational().stream()
                        .map(Enum::name).toList()));
        m.put("probes_total", runs.stream().mapToInt(r -> r.probes().size()).sum());
        m.put("runs_listener_disabled", runs.stream().filter(RunRecord::listenerDisabled).count());
        m.put("expected_vs_judged", expectedVsJudged(runs));
        m.put("eq17_on_default_dqn", eq17OnDefaultDqn(runs));
        m.put("tuning", tuning(runs, config));
        return m;
    }

    /** Kinds reported at WARNING or CRITICAL by these rules. */
    static List<String> warningSet(FindingRules rules) {
        return Arrays.stream(FindingKind.values()).filter(k -> rules.severityOf(k) != Severity.INFO)
                .map(Enum::name).toList();
    }

    /** Testbeds: how often the harness's judgement agrees with theory's known side of the threshold. */
    private static Map<String, Object> expectedVsJudged(List<RunRecord> runs) {
        int known = 0;
        int agree = 0;
        List<String> disagree = new ArrayList<>();
        for (RunRecord r : runs) {
            String e = r.entry().scenario().expected();
            if (!e.equals("unknown")) {
                known++;
                if (e.equals("diverges") == r.outcome().diverged()) {
                    agree++;
                } else {
                    disagree.add(r.entry().id());
                }
            }
        }
        return JsonValues.ordered("runs_with_known_answer", known, "agree", agree, "disagree", disagree);
    }

    /**
     * RL4J's default DQN on CartPole (target network, Adam 1e-3, 4-100-100-100-2): the healthy runs, and those among
     * them where OVER_GENERALIZATION (eq. 17) was an active finding of severity WARNING.
     */
    private static Map<String, Object> eq17OnDefaultDqn(List<RunRecord> runs) {
        int total = 0;
        int healthy = 0;
        List<String> warned = new ArrayList<>();
        for (RunRecord r : runs) {
            if (r.entry().scenario() instanceof Scenario.Cartpole c
                    && c.learner().equals(CartpoleSettings.defaults(Algo.DQN, c.learner().seed(), c.learner().steps()))) {
                total++;
                if (!r.outcome().diverged()) {
                    healthy++;
                    if (eq17Warned(r.probes())) {
                        warned.add(r.entry().id());
                    }
                }
            }
        }
        return JsonValues.ordered("runs", total, "healthy", healthy, "healthy_with_eq17_warning", warned.size(),
                "ids", warned);
    }

    private static boolean eq17Warned(List<ProbeRecord> probes) {
        for (ProbeRecord p : probes) {
            for (Finding f : p.active()) {
                if (f.kind() == FindingKind.OVER_GENERALIZATION && f.severity() != Severity.INFO) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Replays the recorded probes with other debouncing, and OVER_GENERALIZATION with other thresholds. */
    private static Map<String, Object> tuning(List<RunRecord> runs, DiagnosticsConfig config) {
        List<Object> byConsecutive = new ArrayList<>();
        for (int k : TUNING_CONSECUTIVE) {
            CalibrationMetrics c = CalibrationMetrics.replayed(runs, config.rules(), k);
            byConsecutive.add(JsonValues.ordered("consecutive", k, "default_warning", c.warning().toJson(), "by_kind",
                    c.byKindJson()));
        }
        List<Object> og = new ArrayList<>();
        for (double f : TUNING_MIN_FRACTION17) {
            for (int k : TUNING_CONSECUTIVE) {
                CalibrationMetrics c = CalibrationMetrics.replayed(runs, config.rules().withMinFraction17(f), k);
                og.add(JsonValues.ordered("min_fraction17", f, "consecutive", k, "over_generalization",
                        c.byKind().get(FindingKind.OVER_GENERALIZATION).toJson()));
            }
        }
        return JsonValues.ordered("note", "replayed on the recorded probes (same probe schedule, "
                + config.schedule().toSettings() + "): rules re-evaluated on each probe's measurement, then debounced",
                "consecutive", byConsecutive, "over_generalization_min_fraction17", og);
    }

    /** One row per run. */
    static Path csv(Path file, Provenance provenance, List<RunRecord> runs) {
        List<String> header = new ArrayList<>(List.of("run_id", "family", "settings", "seed", "expected", "outcome",
                "divergence_update", "updates", "bound", "start_max_abs_q", "peak_max_abs_q", "probes", "seconds",
                "listener_disabled", "target_sync_interval", "first_warning_update"));
        for (FindingKind k : FindingKind.values()) {
            header.add("first_" + k.name().toLowerCase(Locale.ROOT) + "_update");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            FirstWarnings w = FirstWarnings.recorded(r.probes());
            Outcome o = r.outcome();
            List<Object> row = new ArrayList<>(List.of(r.entry().id(), r.entry().scenario().family(),
                    r.entry().settingsText(), r.entry().seed(), r.entry().scenario().expected(), o.label(),
                    blankIfNone(o.divergedAt()), o.updates(), fmt(o.bound()), fmt(o.startMaxAbsQ()),
                    fmt(o.peakMaxAbsQ()), r.probes().size(), String.format(Locale.ROOT, "%.1f", r.seconds()),
                    r.listenerDisabled(), r.targetSyncInterval() == null ? "" : r.targetSyncInterval(),
                    blankIfNone(w.warning())));
            for (FindingKind k : FindingKind.values()) {
                row.add(blankIfNone(w.of(k)));
            }
            rows.add(row);
        }
        return CsvTable.write(file, provenance, header, rows);
    }

    /**
     * The replay table: for every run and every combination of the tuning grid (minFraction17, seemTolerance,
     * consecutive), the first update at which each kind would have been active on the recorded probes. Any warning
     * set's metrics for these settings follow from it (the first warning of a set is the smallest of its kinds').
     */
    static Path replayCsv(Path file, Provenance provenance, List<RunRecord> runs, FindingRules rules) {
        List<String> header = new ArrayList<>(List.of("run_id", "seed", "outcome", "divergence_update",
                "min_fraction17", "seem_tolerance", "consecutive"));
        for (FindingKind k : FindingKind.values()) {
            header.add("first_" + k.name().toLowerCase(Locale.ROOT) + "_update");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RunRecord r : runs) {
            for (double f : TUNING_MIN_FRACTION17) {
                for (double seem : TUNING_SEEM_TOLERANCE) {
                    for (int c : TUNING_CONSECUTIVE) {
                        FirstWarnings w = FirstWarnings.replayed(r.probes(), rules.withMinFraction17(f)
                                .withSeemTolerance(seem).forTargetSyncInterval(r.targetSyncInterval()), c);
                        List<Object> row = new ArrayList<>(List.of(r.entry().id(), r.entry().seed(), r.outcome().label(),
                                blankIfNone(r.outcome().divergedAt()), f, seem, c));
                        for (FindingKind k : FindingKind.values()) {
                            row.add(blankIfNone(w.of(k)));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return CsvTable.write(file, provenance, header, rows);
    }

    /** The HTML report: chart of recall and false-alarm rate per kind, the table, the runs. */
    static Path html(Path file, Provenance provenance, Map<String, String> settings, List<RunRecord> runs) {
        CalibrationMetrics table = CalibrationMetrics.recorded(runs);
        List<String> names = new ArrayList<>(List.of("WARNING set"));
        List<WarningMetrics> metrics = new ArrayList<>(List.of(table.warning()));
        table.byKind().forEach((k, v) -> {
            names.add(k.name());
            metrics.add(v);
        });
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420)
                .title("Recall and false-alarm rate per finding kind").xAxisTitle("").yAxisTitle("fraction of runs")
                .build();
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("recall (diverged runs warned before divergence)", names,
                metrics.stream().map(m -> m.recall() == null ? 0.0 : m.recall()).toList());
        chart.addSeries("false-alarm rate (healthy runs warned)", names,
                metrics.stream().map(m -> m.falseAlarmRate() == null ? 0.0 : m.falseAlarmRate()).toList());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            WarningMetrics m = metrics.get(i);
            rows.add(List.of(names.get(i), frac(m.recall()) + " (" + m.recalled() + "/" + m.runsDiverged() + ")",
                    frac(m.falseAlarmRate()) + " (" + m.falseAlarms() + "/" + m.runsHealthy() + ")",
                    m.medianLead() == null ? "undefined" : fmt(m.medianLead())));
        }
        List<List<String>> runRows = new ArrayList<>();
        for (RunRecord r : runs) {
            FirstWarnings w = FirstWarnings.recorded(r.probes());
            runRows.add(List.of(r.entry().id(), r.entry().scenario().expected(), r.outcome().label(),
                    noneText(r.outcome().divergedAt()), String.valueOf(r.probes().size()), noneText(w.warning())));
        }
        return HtmlReport.writePage(file, "rl4j-lab calibrate", settings, "Recall and false alarms",
                "Per finding kind as the listener recorded it (undefined values drawn as 0; see the table).", chart,
                List.of(new HtmlReport.Table("Calibration table", "Recall: diverged runs warned at a probe before the "
                                + "divergence update. False alarms: healthy runs with any warning. Lead: divergence update "
                                + "minus first warning update (median over recalled runs).",
                                List.of("warning", "recall", "false-alarm rate", "median lead (updates)"), rows),
                        new HtmlReport.Table("Runs", "Outcome judged by the harness (docs/math.md#calibration).",
                                List.of("run", "theory", "outcome", "divergence update", "probes", "first warning"),
                                runRows)),
                provenance);
    }

    private static String blankIfNone(long v) {
        return v < 0 ? "" : String.valueOf(v);
    }

    private static String noneText(long v) {
        return v < 0 ? "-" : String.valueOf(v);
    }

    private static String frac(Double v) {
        return v == null ? "undefined" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
