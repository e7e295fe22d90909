package dev.rl4j.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void writesOneSelfContainedFileWithEveryChartEmbedded(@TempDir Path dir) throws Exception {
        List<RunSeries.Episode> episodes = new ArrayList<>();
        List<RunSeries.Probe> probes = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            episodes.add(new RunSeries.Episode(20L * i, i, 10 + i % 7));
        }
        for (int i = 0; i < 10; i++) {
            probes.add(new RunSeries.Probe(300L * i, 1.5 * i, 100, 0.01 * (i + 1), 0.005, 1.0 + 0.01 * i, -0.1 + 0.05 * i,
                    i > 5 ? List.of("OVER_GENERALIZATION") : List.of()));
        }
        double[][] k = {{2, 1, 0}, {1, 2, -1}, {0, -1, 3}};
        Path file = HtmlReport.write(dir.resolve("out/report.html"), "Test <report>",
                HtmlReport.settings("seed", 7, "algo", "dqn"), List.of(new RunSeries("DQN", episodes, probes, k, k)));

        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("Test &lt;report&gt;").contains("<th>seed</th><td>7</td>");
        assertThat(html.split("data:image/png;base64,", -1)).hasSize(1 + 8); // learning curves, max|Q|, row ratio, beta, SEEM, timeline, 2 heatmaps
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
    }
}
