package dev.rl4j.diagnostics;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes one CSV row per probe: a header of {@link ProbeRecord#COLUMNS}, then values in that order, comma-separated,
 * UTF-8, '\n' line ends. Doubles are written with {@link Double#toString(double)} ({@code NaN}, {@code Infinity}
 * included), booleans as {@code true}/{@code false}; a value containing a comma, quote or line break is quoted RFC
 * 4180 style (Commons CSV, minimal quoting). Each row is flushed, so the file is readable while training runs.
 * Provenance goes to a sidecar {@code <file>.provenance.json}, never into the CSV.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class CsvProbeSink implements ProbeSink {

    /** RFC 4180 with '\n' record ends and quotes only where a value needs them. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setQuoteMode(QuoteMode.MINIMAL).build();

    private final CSVPrinter out;

    /**
     * Creates (or truncates) the file and writes the header, and the sidecar {@code <file>.provenance.json} with
     * {@link Provenance#current()} (no run settings).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public CsvProbeSink(Path file) {
        this(file, Provenance.current());
    }

    /**
     * Creates (or truncates) the file and writes the header; writes {@code provenance} to the sidecar
     * {@code <file>.provenance.json} ({@link Provenance#writeSidecar}). The CSV itself holds only the table.
     *
     * @throws UncheckedIOException if either file cannot be written
     */
    public CsvProbeSink(Path file, Provenance provenance) {
        provenance.writeSidecar(file);
        try {
            out = new CSVPrinter(SinkFile.create(file, "CSV"), FORMAT);
            out.printRecord(ProbeRecord.COLUMNS);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV diagnostics to " + file, e);
        }
    }

    @Override
    public void accept(ProbeRecord record) {
        Map<String, Object> cols = record.columns();
        try {
            for (String c : ProbeRecord.COLUMNS) {
                out.print(String.valueOf(cols.get(c)));
            }
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append probe " + record.index() + " to CSV", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close CSV diagnostics file", e);
        }
    }
}
