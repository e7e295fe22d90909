package dev.rl4j.diagnostics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes one JSON object per line per probe (JSON Lines), UTF-8. Keys: {@code "probe/index"}, then every column of
 * {@link ProbeRecord#COLUMNS} with the same names as the CSV, then {@code "findings"}: an array of the active findings,
 * each {@code {"kind", "severity", "explanation", "numbers": {...}}}. JSON has no NaN or infinity: such doubles are
 * written as {@code null}. Each line is flushed.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class JsonLinesProbeSink implements ProbeSink {

    private final BufferedWriter out;

    /**
     * Creates (or truncates) the file.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public JsonLinesProbeSink(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON Lines diagnostics to " + file, e);
        }
    }

    @Override
    public void accept(ProbeRecord record) {
        try {
            out.write(toJson(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append probe " + record.index() + " to JSON Lines", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close JSON Lines diagnostics file", e);
        }
    }

    /** The JSON object of one record, on one line. */
    static String toJson(ProbeRecord record) {
        StringBuilder sb = new StringBuilder(1024).append('{');
        sb.append(quote("probe/index")).append(':').append(record.index());
        for (Map.Entry<String, Object> e : record.columns().entrySet()) {
            sb.append(',').append(quote(e.getKey())).append(':').append(value(e.getValue()));
        }
        sb.append(',').append(quote("findings")).append(":[");
        List<Finding> active = record.active();
        for (int i = 0; i < active.size(); i++) {
            Finding f = active.get(i);
            sb.append(i == 0 ? "" : ",").append('{')
                    .append(quote("kind")).append(':').append(quote(f.kind().name())).append(',')
                    .append(quote("severity")).append(':').append(quote(f.severity().name())).append(',')
                    .append(quote("explanation")).append(':').append(quote(f.explanation())).append(',')
                    .append(quote("numbers")).append(":{");
            boolean first = true;
            for (Map.Entry<String, Double> n : f.numbers().entrySet()) {
                sb.append(first ? "" : ",").append(quote(n.getKey())).append(':').append(value(n.getValue()));
                first = false;
            }
            sb.append("}}");
        }
        return sb.append("]}").toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(String.valueOf(v));
    }

    /** A JSON string literal, escaped by Jackson. */
    private static String quote(String s) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + '"';
    }
}
