package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bytes of the probe sinks: strings escaped by Jackson, NaN as null in JSON and as {@code NaN} in CSV. */
class SinkEncodingTest {

    @TempDir
    Path dir;

    private static final String AWKWARD = "quote \" backslash \\ newline \n tab \t unicode \u00e9\u4e2d\ud83d\ude00 ctl \u0001";

    private static ProbeRecord withExplanation(String explanation) {
        ProbeRecord base = SinksTest.record(1, Double.NaN);
        Finding f = new Finding(FindingKind.SELF_EXCITING, Severity.WARNING, explanation,
                Map.of("ntk/beta", Double.NaN, "ntk/seem", Double.POSITIVE_INFINITY));
        return new ProbeRecord(base.index(), base.measurement(), List.of(f), List.of(f));
    }

    @Test
    void jsonStringsRoundTripAndNonFiniteNumbersBecomeNull() throws Exception {
        String line = JsonLinesProbeSink.toJson(withExplanation(AWKWARD));
        assertThat(line).doesNotContain("\n").doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode node = new ObjectMapper().readTree(line);
        JsonNode finding = node.get("findings").get(0);
        assertThat(finding.get("explanation").asText()).isEqualTo(AWKWARD);
        assertThat(finding.get("numbers").get("ntk/beta").isNull()).isTrue();
        assertThat(finding.get("numbers").get("ntk/seem").isNull()).isTrue();
        assertThat(node.get("ntk/beta").isNull()).isTrue();
        assertThat(node.get("probe/index").asLong()).isEqualTo(1);
    }

    @Test
    void jsonLinesFileHasOneLinePerRecordEvenWithNewlinesInStrings() throws Exception {
        Path file = dir.resolve("p.jsonl");
        try (JsonLinesProbeSink sink = new JsonLinesProbeSink(file)) {
            sink.accept(withExplanation(AWKWARD));
            sink.accept(withExplanation("plain"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("findings").get(0).get("explanation").asText())
                .isEqualTo(AWKWARD);
    }

    @Test
    void csvNumericRowsAreWrittenAsBeforeWithNaNSpelledOut() throws Exception {
        Path file = dir.resolve("p.csv");
        try (CsvProbeSink sink = new CsvProbeSink(file)) {
            sink.accept(SinksTest.record(0, Double.NaN));
        }
        String text = Files.readString(file);
        ProbeRecord r = SinksTest.record(0, Double.NaN);
        StringBuilder expected = new StringBuilder(String.join(",", ProbeRecord.COLUMNS)).append('\n');
        Map<String, Object> cols = r.columns();
        expected.append(String.join(",", ProbeRecord.COLUMNS.stream().map(c -> String.valueOf(cols.get(c))).toList()))
                .append('\n');
        assertThat(text).isEqualTo(expected.toString()).contains(",NaN,").doesNotContain("\r");
    }
}
