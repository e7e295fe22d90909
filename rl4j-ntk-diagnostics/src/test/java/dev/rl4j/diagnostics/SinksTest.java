package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rl4j.ntk.StabilityMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinksTest {

    @TempDir
    Path dir;

    static ProbeRecord record(long index, double beta) {
        ProbeMeasurement m = new ProbeMeasurement(100 * index, 120 * index, index, 32, 1.5,
                new ProbeMeasurement.StepSize(AlphaSource.MEASURED, 1e-3, 0.97), 0.99,
                Double.isNaN(beta) ? null : kernel(beta), new ProbeMeasurement.QValues(3.0, 0.1, 10.0),
                new ProbeMeasurement.Features(12, 64, 0.1, 4.2), new ProbeMeasurement.Health(false, false));
        Finding f = new Finding(FindingKind.OVER_GENERALIZATION, Severity.WARNING, "row \"ratio\", too big",
                Map.of("ntk/fraction17", 0.0));
        return new ProbeRecord(index, m, List.of(f), index > 0 ? List.of(f) : List.of());
    }

    /** A kernel with the given beta and distinct values in every field a probe column reads. */
    static StabilityMetrics kernel(double beta) {
        return new StabilityMetrics(32, 0.99, 1e-3, 2.0, 1.0, 3.0, 0.3, 0.9, 0.45, 0.4, 0.55, 0.6, 3, 0.01, 1.0, 0.0,
                beta, 1e-6, 50.0, 5e7, 0.2, 0.001, new double[32], new boolean[32], new boolean[32]);
    }

    @Test
    void csvHasTheStableHeaderAndOneRowPerProbe() throws Exception {
        Path file = dir.resolve("ntk.csv");
        try (CsvProbeSink sink = new CsvProbeSink(file)) {
            sink.accept(record(0, Double.NaN));
            sink.accept(record(1, 1.05));
        }
        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(String.join(",", ProbeRecord.COLUMNS));
        assertThat(lines.get(0)).startsWith("probe/update,probe/step,probe/episode,probe/pairs")
                .contains("ntk/beta", "ntk/seem", "q/max_abs", "features/srank", "findings/active");
        String[] row1 = lines.get(1).split(",", -1);
        assertThat(row1).hasSize(ProbeRecord.COLUMNS.size());
        assertThat(row1[ProbeRecord.COLUMNS.indexOf("ntk/beta")]).isEqualTo("NaN");
        assertThat(row1[ProbeRecord.COLUMNS.indexOf("findings/active")]).isEmpty();
        String[] row2 = lines.get(2).split(",", -1);
        assertThat(row2[ProbeRecord.COLUMNS.indexOf("ntk/beta")]).isEqualTo("1.05");
        assertThat(row2[ProbeRecord.COLUMNS.indexOf("findings/active")]).isEqualTo("OVER_GENERALIZATION");
    }

    @Test
    void jsonLinesHasOneParsableObjectPerProbeWithNullForNaN() throws Exception {
        Path file = dir.resolve("ntk.jsonl");
        try (JsonLinesProbeSink sink = new JsonLinesProbeSink(file)) {
            sink.accept(record(0, Double.NaN));
            sink.accept(record(1, 1.05));
        }
        List<String> lines = Files.readAllLines(file);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        JsonNode second = mapper.readTree(lines.get(1));

        assertThat(lines).hasSize(2);
        for (String column : ProbeRecord.COLUMNS) {
            assertThat(first.has(column)).as(column).isTrue();
        }
        assertThat(first.get("ntk/beta").isNull()).isTrue();
        assertThat(second.get("ntk/beta").asDouble()).isEqualTo(1.05);
        assertThat(second.get("findings").get(0).get("kind").asText()).isEqualTo("OVER_GENERALIZATION");
        assertThat(second.get("findings").get(0).get("explanation").asText()).isEqualTo("row \"ratio\", too big");
        assertThat(second.get("health/nonfinite_q").asBoolean()).isFalse();
    }
}
