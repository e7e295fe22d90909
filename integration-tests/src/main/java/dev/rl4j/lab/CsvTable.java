package dev.rl4j.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.rl4j.provenance.Provenance;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The lab's CSV files (episodes, study tables), written with Commons CSV in the format of the diagnostics' probe
 * sink: RFC 4180, UTF-8, '\n' line ends, quotes only around a value that holds a comma, quote or line break. Each
 * value is written as {@link String#valueOf(Object)}, so doubles keep {@link Double#toString(double)} ({@code NaN},
 * {@code Infinity}); callers that want a fixed number format pass strings. Every table gets its provenance in a
 * sidecar {@code <file>.provenance.json} ({@link Provenance#writeSidecar}); the CSV holds only the table.
 */
public final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL).build();

    private CsvTable() {
    }

    /**
     * Writes (or replaces) {@code file}, creating its directory: the header, then one record per row; and the
     * sidecar {@code <file>.provenance.json} with {@code provenance}.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(Path file, Provenance provenance, List<String> header, List<? extends List<?>> rows) {
        provenance.writeSidecar(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                out.printRecord(header);
                for (List<?> row : rows) {
                    for (Object v : row) {
                        out.print(String.valueOf(v));
                    }
                    out.println();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
