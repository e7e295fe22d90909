package dev.rl4j.lab.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.lab.LabRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtkStudyCommandTest {

    @TempDir
    Path dir;

    @Test
    void quickRunWritesTheCsvWithTheDocumentedColumnsAndOneRowPerCell() throws IOException {
        LabRun run = LabRun.of("ntk-study", "--quick", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("table.csv"));
        assertThat(csv.get(0)).isEqualTo("activation,width,depth,seeds,params,diag_mean,diag_sd,row_ratio_mean,"
                + "row_ratio_sd,row_ratio_median,row_ratio_max,eig_fallbacks");
        assertThat(csv).hasSize(1 + 3 * 2 * 2); // header + activations x widths x depths of --quick
        assertThat(csv.get(1)).startsWith("relu,8,1,1,");
    }

    @Test
    void quickRunWritesANonEmptyPngChart() throws IOException {
        LabRun run = LabRun.of("ntk-study", "--quick", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] png = Files.readAllBytes(dir.resolve("ntk-study.png"));
        assertThat(png).hasSizeGreaterThan(1000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void quickRunPrintsOneJsonLineWithEveryFinding() {
        LabRun run = LabRun.of("ntk-study", "--quick", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode j = run.json();
        assertThat(j.get("study").asText()).isEqualTo("ntk");
        assertThat(j.get("kernels").asInt()).isEqualTo(12);
        for (String key : List.of("relu_largest_row_ratio", "sin_lowest_row_ratio", "relu_largest_diag",
                "row_ratio_grows_with_depth", "diag_grows_with_width", "diag_shrinks_with_depth")) {
            assertThat(j.get(key).isBoolean()).as(key).isTrue();
        }
        JsonNode relu = j.get("by_activation").get("relu");
        assertThat(relu.get("row_ratio_mean").asDouble()).isPositive();
        assertThat(relu.get("row_ratio_by_depth")).hasSize(2);
        assertThat(relu.get("diag_by_width")).hasSize(2);
    }

    @Test
    void twoRunsWithTheSameSeedWriteTheSameTable() throws IOException {
        Path other = Files.createDirectory(dir.resolve("again"));
        LabRun.of("ntk-study", "--quick", "--out", dir.toString());
        LabRun.of("ntk-study", "--quick", "--out", other.toString());

        assertThat(Files.readAllLines(other.resolve("table.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("table.csv")));
    }

    @Test
    void quickRunPrintsTheTextTableOnStderrNotStdout() {
        LabRun run = LabRun.of("ntk-study", "--quick", "--out", dir.toString());

        assertThat(run.err()).contains("activation", "row_ratio", "findings:");
        assertThat(run.out()).doesNotContain("findings:");
    }

    @Test
    void findingsAreNullWhenTheGridCannotTestThem() {
        LabRun run = LabRun.of("ntk-study", "--activations", "tanh", "--widths", "8", "--depths", "1",
                "--seeds", "1", "--states", "4", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("relu_largest_row_ratio").isNull()).isTrue();
        assertThat(j.get("row_ratio_grows_with_depth").isNull()).isTrue();
        assertThat(j.get("diag_grows_with_width").isNull()).isTrue();
    }
}
