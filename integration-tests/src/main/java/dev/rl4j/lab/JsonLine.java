package dev.rl4j.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object written on a single line with Jackson's {@link JsonGenerator}, the summary every rl4j-lab
 * subcommand prints on stdout. Keys keep their insertion order. Values may be {@code null}, {@link Boolean},
 * {@link Number}, {@link String}, {@code double[]}, {@code int[]}, {@code long[]}, {@link List} or {@link Map} (nested
 * objects), or a nested {@code JsonLine}; anything else is written as its {@code toString()}. Non-finite doubles (NaN,
 * +-Infinity) have no JSON form and are written as {@code null}; each command's Javadoc says which fields can be null.
 *
 * <pre>{@code
 * String line = new JsonLine().put("study", "ntk").put("states", 200).toString(); // {"study":"ntk","states":200}
 * }</pre>
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class JsonLine {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds or replaces {@code key}; returns this line. */
    public JsonLine put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Adds every entry of {@code values} in its order; returns this line. */
    public JsonLine putAll(Map<String, ?> values) {
        fields.putAll(values);
        return this;
    }

    @Override
    public String toString() {
        StringWriter s = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            write(g, fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).intValue());
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof double[] a) {
            g.writeStartArray();
            for (double d : a) {
                write(g, d);
            }
            g.writeEndArray();
        } else if (v instanceof int[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof long[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof JsonLine nested) {
            write(g, nested.fields);
        } else {
            g.writeString(v.toString());
        }
    }
}
