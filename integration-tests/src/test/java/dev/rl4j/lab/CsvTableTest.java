package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

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
        Path f = CsvTable.write(dir.resolve("sub/e.csv"), List.of("episode", "step", "return"),
                List.of(List.of(1, 200L, 21.0), List.of(2, 400L, Double.NaN), List.of(3, 500L, -1.5e-7)));
        assertThat(Files.readString(f)).isEqualTo("episode,step,return\n1,200,21.0\n2,400,NaN\n3,500,-1.5E-7\n");
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuoted() throws Exception {
        Path f = CsvTable.write(dir.resolve("q.csv"), List.of("a", "b"),
                List.of(Arrays.asList("x,y", "say \"hi\""), Arrays.asList("line\nbreak", "plain \u00e9")));
        assertThat(Files.readString(f))
                .isEqualTo("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",plain \u00e9\n");
    }
}
