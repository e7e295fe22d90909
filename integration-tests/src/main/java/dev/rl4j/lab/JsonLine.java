package dev.rl4j.lab;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rl4j.provenance.JsonValues;
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
            JsonValues.write(g, plain());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /** The fields with nested lines as maps, in the value types {@link JsonValues} writes. */
    private Map<String, Object> plain() {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.replaceAll((k, v) -> v instanceof JsonLine nested ? nested.plain() : v);
        return m;
    }
}
