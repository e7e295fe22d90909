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

    /** Writes the probes of updates 0 (no kernel) and 1 (beta 1.05) to {@code sink}, closes it, reads {@code file}. */
    private static List<String> writeTwoProbes(ProbeSink sink, Path file) throws Exception {
        try (sink) {
            sink.accept(record(0, Double.NaN));
            sink.accept(record(1, 1.05));
        }
        return Files.readAllLines(file);
    }

    @Test
    void csvHasTheStableHeaderAndOneRowPerProbe() throws Exception {
        Path file = dir.resolve("ntk.csv");
        List<String> lines = writeTwoProbes(new CsvProbeSink(file), file);

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
        List<String> lines = writeTwoProbes(new JsonLinesProbeSink(file), file);
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

    @Test
    void builderFilesGetAProvenanceSidecarAndTheCsvStillStartsWithItsHeader() throws Exception {
        Path csv = dir.resolve("run-diagnostics.csv");
        Path jsonl = dir.resolve("run-diagnostics.jsonl");
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).seed(11).csv(csv).jsonLines(jsonl)
                .provenance(Map.of("learner", "preqn")).build();
        diagnostics.close();

        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(String.join(",", ProbeRecord.COLUMNS));
        ObjectMapper mapper = new ObjectMapper();
        for (Path data : List.of(csv, jsonl)) {
            Path sidecar = dir.resolve(data.getFileName() + ".provenance.json");
            assertThat(sidecar).exists();
            JsonNode p = mapper.readTree(sidecar.toFile()).get("provenance");
            assertThat(p.get("rl4j_version").asText()).isNotBlank();
            assertThat(p.get("settings").get("learner").asText()).isEqualTo("preqn");
            assertThat(p.get("settings").get("diagnostics").get("schedule").get("period").asInt()).isEqualTo(50);
            assertThat(p.get("settings").get("diagnostics").get("seed").asLong()).isEqualTo(11);
        }
        assertThat(Files.readAllLines(jsonl)).isEmpty();
    }
}
