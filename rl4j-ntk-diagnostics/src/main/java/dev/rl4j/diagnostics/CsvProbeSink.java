package dev.rl4j.diagnostics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes one CSV row per probe: a header of {@link ProbeRecord#COLUMNS}, then values in that order, comma-separated,
 * UTF-8, '\n' line ends. Doubles are written with {@link Double#toString(double)} ({@code NaN}, {@code Infinity}
 * included), booleans as {@code true}/{@code false}; a value containing a comma, quote or newline is quoted RFC
 * 4180 style. Each row is flushed, so the file is readable while training runs.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class CsvProbeSink implements ProbeSink {

    private final BufferedWriter out;

    /**
     * Creates (or truncates) the file and writes the header.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public CsvProbeSink(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(String.join(",", ProbeRecord.COLUMNS));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV diagnostics to " + file, e);
        }
    }

    @Override
    public void accept(ProbeRecord record) {
        Map<String, Object> cols = record.columns();
        String line = ProbeRecord.COLUMNS.stream().map(c -> escape(String.valueOf(cols.get(c))))
                .collect(Collectors.joining(","));
        try {
            out.write(line);
            out.write('\n');
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

    private static String escape(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
