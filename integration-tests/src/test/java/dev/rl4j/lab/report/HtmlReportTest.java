package dev.rl4j.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.AlphaSource;
import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.ProbeMeasurement;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.Severity;
import dev.rl4j.ntk.StabilityMetrics;
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
                HtmlReport.settings("seed", 7, "algo", "dqn"), List.of(new RunSeries("DQN", episodes, probes, k, k)));

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Test &lt;report&gt;").contains("<th>seed</th><td>7</td>");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(1 + 8); // learning curves, max|Q|, row ratio, beta, SEEM, timeline, 2 heatmaps
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
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
