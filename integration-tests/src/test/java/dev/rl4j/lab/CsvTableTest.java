package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path dir;

    @Test
    void numericRowsAreWrittenPlainWithNaNSpelledOut() throws Exception {
        Path f = CsvTable.write(dir.resolve("sub/e.csv"), Provenance.current(), List.of("episode", "step", "return"),
                List.of(List.of(1, 200L, 21.0), List.of(2, 400L, Double.NaN), List.of(3, 500L, -1.5e-7)));
        assertThat(Files.readString(f)).isEqualTo("episode,step,return\n1,200,21.0\n2,400,NaN\n3,500,-1.5E-7\n");
    }

    @Test
    void everyTableGetsAProvenanceSidecarAndKeepsItsHeaderFirst() throws Exception {
        Path f = CsvTable.write(dir.resolve("t.csv"), Provenance.current().withSetting("seed", 4),
                List.of("a"), List.of(List.of(1)));
        assertThat(Files.readAllLines(f).get(0)).isEqualTo("a");
        JsonNode side = new ObjectMapper().readTree(dir.resolve("t.csv.provenance.json").toFile());
        assertThat(side.get("file").asText()).isEqualTo("t.csv");
        assertThat(side.get("provenance").get("settings").get("seed").asInt()).isEqualTo(4);
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuoted() throws Exception {
        Path f = CsvTable.write(dir.resolve("q.csv"), Provenance.current(), List.of("a", "b"),
                List.of(Arrays.asList("x,y", "say \"hi\""), Arrays.asList("line\nbreak", "plain \u00e9")));
        assertThat(Files.readString(f))
                .isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain \u00e9\n");
    }
}
