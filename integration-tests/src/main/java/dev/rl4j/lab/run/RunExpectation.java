package dev.rl4j.lab.run;

import dev.rl4j.lab.options.ParsingConverter;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run --expect}: a condition on one of the single run's metrics, {@code METRIC op number} with op one of
 * {@code >= > <= <} (the syntax of rl4j-regression's {@code Expectation}, over the metrics {@code run} measures).
 *
 * @param metric    one of {@link #METRICS}
 * @param operator  {@code >=}, {@code >}, {@code <=} or {@code <}
 * @param threshold the number compared against, not NaN
 */
record RunExpectation(String metric, String operator, double threshold) {

    /** The metrics {@code run} reports on CartPole. */
    static final Set<String> METRICS = Set.of("mean100", "best_mean100", "greedy_return", "max_abs_q");
    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-z_0-9]+)\\s*(>=|<=|>|<)\\s*([-+0-9.eE]+)\\s*");

    /** Validates; messages name the field, the value and what is accepted. */
    RunExpectation {
        if (!METRICS.contains(metric)) {
            throw new IllegalArgumentException("--expect metric must be one of " + METRICS + ", got '" + metric + "'");
        }
        if (!Set.of(">=", ">", "<=", "<").contains(operator)) {
            throw new IllegalArgumentException("--expect operator must be one of >=, >, <=, <, got '" + operator + "'");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("--expect threshold must be a number, got NaN");
        }
    }

    /** Parses {@code greedy_return>=195}. */
    static RunExpectation parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--expect must look like 'greedy_return>=195' (metric, >= > <= or <, "
                    + "number), got '" + text + "'");
        }
        try {
            return new RunExpectation(m.group(1), m.group(2), Double.parseDouble(m.group(3)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--expect threshold must be a number, got '" + m.group(3) + "'");
        }
    }

    /** True when the metric satisfies the condition; a missing or NaN metric never does. */
    boolean holds(Map<String, Double> metrics) {
        double v = metrics.getOrDefault(metric, Double.NaN);
        return switch (operator) {
            case ">=" -> v >= threshold;
            case ">" -> v > threshold;
            case "<=" -> v <= threshold;
            default -> v < threshold;
        };
    }

    @Override
    public String toString() {
        return metric + operator + threshold;
    }

    /** {@code --expect}: {@link #parse}. */
    static final class Converter extends ParsingConverter<RunExpectation> {
        Converter() {
            super(RunExpectation::parse);
        }
    }
}
