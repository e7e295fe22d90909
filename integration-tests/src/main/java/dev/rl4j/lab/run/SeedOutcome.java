package dev.rl4j.lab.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.regression.Expectation;
import dev.rl4j.regression.SeedResult;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One seed's row of {@code regress} and {@code regress-merge}: what {@link SeedResult} measured, the diagnostics'
 * first warning and first soft divergence ({@code --diagnostics}), and the verdict. {@code failure} keeps the reason
 * the run itself failed (training threw, non-finite values), apart from the expectation, so that a shard's seeds can
 * be judged again against another expectation by {@code regress-merge}.
 *
 * @param seed                the seed
 * @param episodes            episodes finished
 * @param steps               environment steps taken
 * @param mean100             mean of the last min(100, n) returns; NaN when none
 * @param bestMean100         highest mean of 100 consecutive returns; NaN when none
 * @param seconds             wall time of the seed (learner construction and training)
 * @param returns             count, min, max, mean and last of the episode returns (NaN when none)
 * @param firstWarning        env step of the first probe with an active finding; null when none or no diagnostics
 * @param firstSoftDivergence env step of the first probe whose max|Q| exceeded the soft bound; null likewise
 * @param failure             why the run failed regardless of the expectation; null when it ran to the end
 * @param pass                the verdict
 * @param reason              "ok", or why the seed failed
 */
record SeedOutcome(long seed, int episodes, long steps, double mean100, double bestMean100, double seconds,
        Map<String, Double> returns, Long firstWarning, Long firstSoftDivergence, String failure, boolean pass,
        String reason) {

    /**
     * From the library's result; its verdict becomes this row's verdict and, when it failed the seed, its reason the
     * {@code failure} (exact for a regression run without expectations, as a shard's).
     */
    static SeedOutcome of(SeedResult r, Long firstWarning, Long firstSoftDivergence) {
        DoubleSummaryStatistics st = r.returns().stream().mapToDouble(Double::doubleValue).summaryStatistics();
        boolean none = r.returns().isEmpty();
        Map<String, Double> returns = new LinkedHashMap<>();
        returns.put("count", (double) st.getCount());
        returns.put("min", none ? Double.NaN : st.getMin());
        returns.put("max", none ? Double.NaN : st.getMax());
        returns.put("mean", none ? Double.NaN : st.getAverage());
        returns.put("last", none ? Double.NaN : r.returns().get(r.returns().size() - 1));
        return new SeedOutcome(r.seed(), r.episodes(), r.steps(), r.mean100(), r.bestMean100(),
                r.wallTime().toMillis() / 1000.0, returns, firstWarning, firstSoftDivergence,
                r.passed() ? null : r.reason(), r.passed(), r.reason());
    }

    /** The values an {@link Expectation} is checked against, as {@link SeedResult#metrics()}. */
    Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean100", mean100);
        m.put("best_mean100", bestMean100);
        m.put("episodes", (double) episodes);
        return m;
    }

    /**
     * This seed judged against {@code expect}, with the reasons {@code AgentRegression} gives: the run's own failure
     * first (the expectation is then not checked), else whether the expectation holds.
     */
    SeedOutcome judged(Expectation expect) {
        String why;
        if (failure != null) {
            why = failure;
        } else if (expect.holds(metrics())) {
            why = null;
        } else {
            why = episodes == 0 ? "no episode finished, so " + expect + " cannot hold"
                    : expect.metric() + "=" + String.format(Locale.ROOT, "%.1f", metrics().get(expect.metric()))
                    + " does not meet " + expect;
        }
        return new SeedOutcome(seed, episodes, steps, mean100, bestMean100, seconds, returns, firstWarning,
                firstSoftDivergence, failure, why == null, why == null ? "ok" : why);
    }

    /** True when the factory or the training threw (AgentRegression's "factory threw" / "training threw"). */
    boolean crashed() {
        return failure != null && (failure.startsWith("factory threw") || failure.contains("training threw"));
    }

    /**
     * The JSON object of this seed (NaN written as null by {@code JsonLine}).
     *
     * @param withFailure also the returns summary and {@code failure}, as a shard file needs them
     */
    Map<String, Object> toJson(boolean withFailure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("episodes", episodes);
        m.put("steps", steps);
        m.put("mean100", mean100);
        m.put("best_mean100", bestMean100);
        if (withFailure) {
            m.put("returns", returns);
        }
        m.put("seconds", seconds);
        m.put("pass", pass);
        m.put("reason", reason);
        if (withFailure) {
            m.put("failure", failure);
        }
        m.put("first_warning_step", firstWarning);
        m.put("first_soft_divergence_step", firstSoftDivergence);
        return m;
    }

    /** Reads what {@link #toJson toJson(true)} wrote; a missing or null number is NaN. */
    static SeedOutcome fromJson(JsonNode n) {
        Map<String, Double> returns = new LinkedHashMap<>();
        n.path("returns").fields().forEachRemaining(e -> returns.put(e.getKey(), number(e.getValue())));
        return new SeedOutcome(n.path("seed").asLong(), n.path("episodes").asInt(), n.path("steps").asLong(),
                number(n.get("mean100")), number(n.get("best_mean100")), number(n.get("seconds")), returns,
                optionalLong(n.get("first_warning_step")), optionalLong(n.get("first_soft_divergence_step")),
                n.hasNonNull("failure") ? n.get("failure").asText() : null, n.path("pass").asBoolean(),
                n.path("reason").asText());
    }

    private static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    private static Long optionalLong(JsonNode n) {
        return n == null || !n.isNumber() ? null : n.asLong();
    }
}
