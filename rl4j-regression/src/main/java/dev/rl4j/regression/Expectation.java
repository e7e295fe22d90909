package dev.rl4j.regression;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-seed pass condition such as {@code mean100>=195} or {@code best_mean100 >= 195}: a metric name, a comparison
 * ({@code >=}, {@code >}, {@code <=}, {@code <}) and a number. Same syntax and semantics as {@code rl4j-lab regress
 * --expect}.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param metric    {@code mean100} (mean return of the last min(100, n) episodes at the end), {@code best_mean100}
 *                  (highest mean of 100 consecutive episodes during training; of all episodes when fewer than 100) or
 *                  {@code episodes} (episodes finished)
 * @param operator  one of {@code >=, >, <=, <}
 * @param threshold the number compared against
 */
public record Expectation(String metric, String operator, double threshold) {

    /** The metric names an expectation may use. */
    public static final Set<String> METRICS = Set.of("mean100", "best_mean100", "episodes");
    private static final Set<String> OPERATORS = Set.of(">=", ">", "<=", "<");
    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-z_0-9]+)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*");

    /** Validates; messages name the field, the value and what is accepted. */
    public Expectation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("expectation metric must be one of " + METRICS + ", got '" + metric + "'");
        }
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException("expectation operator must be one of " + OPERATORS + ", got '" + operator
                    + "'");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("expectation threshold must be a number, got NaN");
        }
    }

    /**
     * Parses {@code metric op number}, e.g. {@code mean100>=195}; the message shows the accepted form.
     *
     * @throws IllegalArgumentException when the text does not match or names an unknown metric
     */
    public static Expectation parse(String text) {
        Objects.requireNonNull(text, "expectation");
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expectation must look like 'mean100>=195' (metric, >= > <= or <, number), got '"
                    + text + "'");
        }
        if (!METRICS.contains(m.group(1))) {
            throw new IllegalArgumentException("expectation metric must be one of " + METRICS + ", got '" + m.group(1) + "'");
        }
        try {
            return new Expectation(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expectation threshold must be a number, got '" + m.group(3) + "' in '"
                    + text + "'");
        }
    }

    /** True when the run's metric satisfies the condition; a missing or NaN metric never does. */
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
