package dev.rl4j.provenance;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a plain Java value as JSON with Jackson's {@link JsonGenerator}: {@code null}, {@link Boolean},
 * {@link Number}, {@link CharSequence}, {@code double[]}, {@code int[]}, {@code long[]}, {@link List} (arrays),
 * {@link Map} (objects, keys as {@link String#valueOf}, in the map's order), {@link Enum} (its name); anything else as
 * its {@code toString()}. Non-finite doubles and floats (NaN, +-Infinity) have no JSON form and are written as
 * {@code null}. The one value writer of provenance objects and of the lab's JSON lines.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class JsonValues {

    private JsonValues() {
    }

    /**
     * An insertion-ordered map from alternating keys and values ({@code "a", 1, "b", 2}); values may be null.
     *
     * @throws IllegalArgumentException for an odd number of arguments or a key that is not a String
     */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keysAndValues must alternate keys and values, got "
                    + keysAndValues.length + " arguments");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("key " + i / 2 + " must be a String, got " + keysAndValues[i]);
            }
            m.put(key, keysAndValues[i + 1]);
        }
        return m;
    }

    /** Writes {@code v} at the generator's current position. */
    public static void write(JsonGenerator g, Object v) throws IOException {
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
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            g.writeString(v.toString());
        }
    }
}
