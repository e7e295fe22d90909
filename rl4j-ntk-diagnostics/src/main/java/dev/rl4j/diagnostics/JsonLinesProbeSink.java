package dev.rl4j.diagnostics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import dev.rl4j.provenance.Provenance;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes one JSON object per line per probe (JSON Lines), UTF-8, with Jackson's {@link JsonGenerator}. Keys:
 * {@code "probe/index"}, then every column of {@link ProbeRecord#COLUMNS} with the same names as the CSV, then
 * {@code "findings"}: an array of the active findings, each {@code {"kind", "severity", "explanation", "numbers":
 * {...}}}. JSON has no NaN or infinity: such doubles are written as {@code null}. Each line is flushed. Provenance
 * goes to a sidecar {@code <file>.provenance.json}: every line of the file is a probe record.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class JsonLinesProbeSink implements ProbeSink {

    private static final JsonFactory JSON = new JsonFactory();

    private final BufferedWriter out;

    /**
     * Creates (or truncates) the file, and the sidecar {@code <file>.provenance.json} with
     * {@link Provenance#current()} (no run settings).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public JsonLinesProbeSink(Path file) {
        this(file, Provenance.current());
    }

    /**
     * Creates (or truncates) the file; writes {@code provenance} to the sidecar {@code <file>.provenance.json}
     * ({@link Provenance#writeSidecar}), so every line of the file stays a probe record.
     *
     * @throws UncheckedIOException if either file cannot be written
     */
    public JsonLinesProbeSink(Path file, Provenance provenance) {
        provenance.writeSidecar(file);
        out = SinkFile.create(file, "JSON Lines");
    }

    @Override
    public void accept(ProbeRecord record) {
        try {
            write(record, out);
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
        StringWriter s = new StringWriter(1024);
        try {
            write(record, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void write(ProbeRecord record, Writer target) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(target).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeNumberField("probe/index", record.index());
            for (Map.Entry<String, Object> e : record.columns().entrySet()) {
                g.writeFieldName(e.getKey());
                value(g, e.getValue());
            }
            g.writeArrayFieldStart("findings");
            for (Finding f : record.active()) {
                g.writeStartObject();
                g.writeStringField("kind", f.kind().name());
                g.writeStringField("severity", f.severity().name());
                g.writeStringField("explanation", f.explanation());
                g.writeObjectFieldStart("numbers");
                for (Map.Entry<String, Double> n : f.numbers().entrySet()) {
                    g.writeFieldName(n.getKey());
                    value(g, n.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Doubles (NaN and infinities as null), other numbers, booleans; anything else as its string. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
