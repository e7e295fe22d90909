package dev.rl4j.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.AlphaSource;
import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.ProbeMeasurement;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.Severity;
import dev.rl4j.ntk.StabilityMetrics;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void writesOneSelfContainedFileWithEveryChartEmbedded(@TempDir Path dir) throws Exception {
        List<RunSeries.Episode> episodes = new ArrayList<>();
        List<ProbeRecord> probes = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            episodes.add(new RunSeries.Episode(20L * i, i, 10 + i % 7));
        }
        for (int i = 0; i < 10; i++) {
            probes.add(probe(i, 300L * i, 1.5 * i, 0.01 * (i + 1), 1.0 + 0.01 * i, -0.1 + 0.05 * i, i > 5));
        }
        double[][] k = {{2, 1, 0}, {1, 2, -1}, {0, -1, 3}};
        Path file = HtmlReport.write(dir.resolve("out/report.html"), "Test <report>",
                HtmlReport.settings("seed", 7, "algo", "dqn"), Provenance.current().withSetting("seed", 7),
                List.of(new RunSeries("DQN", episodes, probes, k, k)));

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Test &lt;report&gt;").contains("<th>seed</th><td>7</td>");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(1 + 8); // learning curves, max|Q|, row ratio, beta, SEEM, timeline, 2 heatmaps
        assertThat(html).contains("<h2>Provenance</h2>", "<table class=\"provenance\">",
                "<th>rl4j_version</th><td>1.0.0-M1.1</td>", "<th>settings.seed</th><td>7</td>", "<th>java_version</th>",
                "<th>os</th>", "<th>git_commit</th>");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void aDemoReportAddsTheResultsTableGreedyEvaluationsAndPreqnTelemetry(@TempDir Path dir) throws Exception {
        List<RunSeries.Episode> episodes = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            episodes.add(new RunSeries.Episode(30L * i, i, 20 + i));
        }
        List<ProbeRecord> probes = List.of(probe(0, 500, 0.5, 0.01, 0.9, -0.1, false));
        List<RunSeries.Greedy> greedy = List.of(new RunSeries.Greedy(500, 35.5, 10, 0.4, 1.0),
                new RunSeries.Greedy(1500, 200, 10, 0.9, 1.0));
        List<RunSeries.UpdateSample> updates = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            updates.add(new RunSeries.UpdateSample(300L * i, 100L * i, 100, 0.02 * i, 0, 0, "ACCEPTED", 2,
                    0.95, Math.pow(10, 4 + i), 1e-3, 0.1, 0.3));
        }
        RunSeries dqn = new RunSeries("DDQN", episodes, probes, null, null).with(greedy, List.of());
        RunSeries preqn = new RunSeries("PREQN", episodes, probes, null, null).with(greedy, updates);
        Map<String, String> results = new java.util.LinkedHashMap<>();
        results.put("PREQN greedy_return", "200.0");
        results.put("DDQN greedy_return", "35.5");
        Path file = HtmlReport.write(dir.resolve("report.html"), "demo", HtmlReport.settings("seed", 123), results,
                Provenance.current(), List.of(dqn, preqn));

        String html = Files.readString(file);
        assertThat(html).contains("<h2>Measured results</h2>", "<th>PREQN greedy_return</th><td>200.0</td>",
                "<h2>Greedy evaluations</h2>", "<h2>PreQN line search and skipped updates</h2>",
                "<h2>PreQN step fraction and trials</h2>", "<h2>PreQN cond(K + lambda I) and TD error closed</h2>");
        // learning curves, greedy return, greedy max|Q|, 5 telemetry charts, max|Q|, row ratio, beta, SEEM, timeline
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(1 + 13);
        assertThat(html).doesNotContain("<em>no data</em>");
    }

    @Test
    void aRunWithoutGreedyEvaluationsOrTelemetryHasNeitherSection(@TempDir Path dir) throws Exception {
        List<RunSeries.Episode> episodes = List.of(new RunSeries.Episode(10, 1, 10));
        Path file = HtmlReport.write(dir.resolve("report.html"), "run", HtmlReport.settings("seed", 1),
                Provenance.current(), List.of(new RunSeries("DQN", episodes, List.of(), null, null)));
        assertThat(Files.readString(file)).doesNotContain("Measured results", "Greedy evaluations", "PreQN line search");
    }

    /** A probe record with the numbers the report draws (soft bound 100 from r_max 1 and gamma 0.99). */
    static ProbeRecord probe(int index, long step, double maxAbsQ, double rowRatioMax, double beta, double seem,
            boolean overGeneralized) {
        StabilityMetrics kernel = new StabilityMetrics(32, 0.99, 1e-3, 2, 1, 3, 0.1, 0.2, rowRatioMax / 2,
                rowRatioMax / 2, rowRatioMax, rowRatioMax, 0, 0.01, 1, 0, beta, 1e-3, 10, 1e4, seem, seem / 10,
                new double[32], new boolean[32], new boolean[32]);
        ProbeMeasurement m = new ProbeMeasurement(index, step, index, 32, 1,
                new ProbeMeasurement.StepSize(AlphaSource.MEASURED, 1e-3, Double.NaN), 0.99, kernel,
                new ProbeMeasurement.QValues(maxAbsQ, 1, 100), new ProbeMeasurement.Features(10, 64, 0, 1),
                new ProbeMeasurement.Health(false, false));
        List<Finding> findings = overGeneralized ? List.of(new Finding(FindingKind.OVER_GENERALIZATION,
                Severity.WARNING, "eq. 17 fails", Map.of())) : List.of();
        return new ProbeRecord(index, m, findings, findings);
    }
}
