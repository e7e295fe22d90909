package dev.rl4j.lab.run;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-run pass condition such as {@code mean100>=195} or {@code best_mean100>=195}: a metric name, a comparison
 * ({@code >=}, {@code >}, {@code <=}, {@code <}) and a number.
 *
 * @param metric    {@code mean100} (mean return of the last 100 episodes at the end), {@code best_mean100} (highest
 *                  running mean of 100 consecutive episodes during training) or {@code episodes}
 * @param operator  one of {@code >=, >, <=, <}
 * @param threshold the number compared against
 */
public record Expectation(String metric, String operator, double threshold) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-z_0-9]+)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*");
    private static final java.util.Set<String> METRICS = java.util.Set.of("mean100", "best_mean100", "episodes");

    /** Parses {@code metric op number}; the message shows the accepted form. */
    public static Expectation parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--expect must look like 'mean100>=195' (metric, >= > <= or <, number), got '"
                    + text + "'");
        }
        if (!METRICS.contains(m.group(1))) {
            throw new IllegalArgumentException("--expect metric must be one of " + METRICS + ", got '" + m.group(1) + "'");
        }
        return new Expectation(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
    }

    /** True when the run's metric satisfies the condition (NaN never does). */
    public boolean holds(Map<String, Double> metrics) {
        double v = metrics.getOrDefault(metric, Double.NaN);
        return switch (operator) {
            case ">=" -> v >= threshold;
            case ">" -> v > threshold;
            case "<=" -> v <= threshold;
            case "<" -> v < threshold;
            default -> throw new IllegalStateException(operator);
        };
    }

    @Override
    public String toString() {
        return metric + operator + threshold;
    }
}
