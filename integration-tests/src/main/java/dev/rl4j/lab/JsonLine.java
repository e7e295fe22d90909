package dev.rl4j.lab;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object written on a single line, the summary every rl4j-lab subcommand prints on stdout. Keys keep their
 * insertion order. Values may be {@code null}, {@link Boolean}, {@link Number}, {@link String}, {@code double[]},
 * {@code int[]}, {@link List} or {@link Map} (nested objects). Non-finite doubles (NaN, +-Infinity) have no JSON
 * form and are written as {@code null}; each command's Javadoc says which fields can be null.
 *
 * <pre>{@code
 * String line = new JsonLine().put("study", "ntk").put("states", 200).toString(); // {"study":"ntk","states":200}
 * }</pre>
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class JsonLine {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Adds or replaces {@code key}; returns this line. */
    public JsonLine put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, fields);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? "," : "");
                write(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? "," : "").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                sb.append(i > 0 ? "," : "");
                write(sb, list.get(i));
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof JsonLine nested) {
            write(sb, nested.fields);
        } else {
            quote(sb, v.toString());
        }
    }

    /** Appends a JSON string literal, escaped by Jackson. */
    private static void quote(StringBuilder sb, String s) {
        sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
