package dev.rl4j.lab.offline;

import dev.rl4j.lab.TransitionBatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link TransitionBatch} of state-action pairs, optionally with rewards, terminal flags and next states,
 * from CSV.
 *
 * <p>Format: a header line, then one row per pair, comma-separated, blank lines and lines starting with {@code #}
 * ignored, fields trimmed. Columns, in any order:
 * <ul>
 *   <li>{@code a}: the action index, an integer (range checked against the network later);</li>
 *   <li>{@code s0, s1, ..., s{d-1}}: the state, d >= 1 numbers, all present;</li>
 *   <li>{@code r} (optional): the reward, a number (read and checked, not used by the kernel);</li>
 *   <li>{@code done} (optional): {@code 1/0} or {@code true/false}; absent means no row is terminal;</li>
 *   <li>{@code s'0, ..., s'{d-1}} (optional, all or none): the next state. On a done row the next-state fields
 *       may be empty.</li>
 * </ul>
 * Any other column is an error (catches typos such as {@code S0}). Error messages name the file, the line number
 * (1-based, header = line 1) and the column.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TransitionCsv {

    private TransitionCsv() {
    }

    /**
     * Reads and validates a batch file.
     *
     * @throws IllegalArgumentException on a missing file or any format error, naming line and column
     * @throws IOException on a read error other than a missing file
     */
    public static TransitionBatch read(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--batch file not found: " + file);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("--batch " + file + " is not readable UTF-8 text: " + e.getMessage());
        }
        String name = file.toString();
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!skip(lines.get(i))) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new IllegalArgumentException(name + " is empty: expected a header line such as 'a,s0,s1,s2,s3'");
        }
        String[] header = split(lines.get(headerLine));
        Map<String, Integer> col = new HashMap<>();
        int stateWidth = 0;
        int nextWidth = 0;
        for (int c = 0; c < header.length; c++) {
            String h = header[c];
            if (col.put(h, c) != null) {
                throw new IllegalArgumentException(name + " line " + (headerLine + 1) + ": column '" + h
                        + "' appears twice");
            }
            if (h.matches("s'\\d+")) {
                nextWidth++;
            } else if (h.matches("s\\d+")) {
                stateWidth++;
            } else if (!h.equals("a") && !h.equals("r") && !h.equals("done")) {
                throw new IllegalArgumentException(name + " line " + (headerLine + 1) + ": unknown column '" + h
                        + "'; expected a, s0..s{d-1} and optionally r, done, s'0..s'{d-1}");
            }
        }
        if (!col.containsKey("a")) {
            throw new IllegalArgumentException(name + " line " + (headerLine + 1) + ": missing column 'a' (action)");
        }
        if (stateWidth == 0) {
            throw new IllegalArgumentException(name + " line " + (headerLine + 1)
                    + ": missing state columns s0..s{d-1}");
        }
        for (int k = 0; k < stateWidth; k++) {
            if (!col.containsKey("s" + k)) {
                throw new IllegalArgumentException(name + " line " + (headerLine + 1) + ": state columns must be s0..s"
                        + (stateWidth - 1) + " without gaps, missing 's" + k + "'");
            }
        }
        if (nextWidth > 0) {
            if (nextWidth != stateWidth) {
                throw new IllegalArgumentException(name + " line " + (headerLine + 1) + ": " + nextWidth
                        + " next-state columns s'k for " + stateWidth + " state columns; give all or none");
            }
            for (int k = 0; k < stateWidth; k++) {
                if (!col.containsKey("s'" + k)) {
                    throw new IllegalArgumentException(name + " line " + (headerLine + 1)
                            + ": next-state columns must be s'0..s'" + (stateWidth - 1) + ", missing 's'" + k + "'");
                }
            }
        }
        List<double[]> s = new ArrayList<>();
        List<Integer> a = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Boolean> d = new ArrayList<>();
        List<double[]> sn = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            if (skip(lines.get(i))) {
                continue;
            }
            int lineNo = i + 1;
            String[] f = split(lines.get(i));
            if (f.length != header.length) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": expected " + header.length
                        + " fields as in the header, got " + f.length);
            }
            a.add(integer(name, lineNo, "a", f[col.get("a")]));
            double[] state = new double[stateWidth];
            for (int k = 0; k < stateWidth; k++) {
                state[k] = number(name, lineNo, "s" + k, f[col.get("s" + k)]);
            }
            s.add(state);
            if (col.containsKey("r")) {
                r.add(number(name, lineNo, "r", f[col.get("r")]));
            }
            boolean isDone = col.containsKey("done") && flag(name, lineNo, f[col.get("done")]);
            d.add(isDone);
            if (nextWidth > 0) {
                double[] next = new double[stateWidth];
                boolean allEmpty = true;
                for (int k = 0; k < stateWidth; k++) {
                    allEmpty &= f[col.get("s'" + k)].isEmpty();
                }
                if (isDone && allEmpty) {
                    next = null;
                } else {
                    for (int k = 0; k < stateWidth; k++) {
                        next[k] = number(name, lineNo, "s'" + k, f[col.get("s'" + k)]);
                    }
                }
                sn.add(next);
            }
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException(name + " has a header but no data rows");
        }
        return new TransitionBatch(s.toArray(double[][]::new), a.stream().mapToInt(Integer::intValue).toArray(),
                r.isEmpty() ? null : r.stream().mapToDouble(Double::doubleValue).toArray(),
                nextWidth > 0 ? sn.toArray(double[][]::new) : null, toArray(d));
    }

    private static boolean skip(String line) {
        String t = line.trim();
        return t.isEmpty() || t.startsWith("#");
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    private static double number(String file, int line, String column, String text) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + column + "': '" + text
                    + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + column
                    + "': must be finite, got " + text);
        }
        return v;
    }

    private static int integer(String file, int line, String column, String text) {
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + column + "': '" + text
                    + "' is not an integer action index");
        }
        if (v < 0) {
            throw new IllegalArgumentException(file + " line " + line + ", column '" + column
                    + "': action must be >= 0, got " + v);
        }
        return v;
    }

    private static boolean flag(String file, int line, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new IllegalArgumentException(file + " line " + line + ", column 'done': must be 0, 1, "
                    + "true or false, got '" + text + "'");
        };
    }

    private static boolean[] toArray(List<Boolean> list) {
        boolean[] b = new boolean[list.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = list.get(i);
        }
        return b;
    }
}
