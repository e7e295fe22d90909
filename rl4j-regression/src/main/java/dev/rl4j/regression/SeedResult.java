package dev.rl4j.regression;

import dev.rl4j.diagnostics.FindingKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one seed's run produced and whether it passed.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param seed             the seed given to the factory
 * @param episodes         episodes finished (an episode cut short by a stop is not counted)
 * @param returns          each finished episode's return (sum of rewards), in order; unmodifiable
 * @param episodeEndSteps  the learner's step count when each episode ended, parallel to {@code returns}; unmodifiable
 * @param bestMean100      highest mean of 100 consecutive returns (of all, when fewer than 100); NaN when none
 * @param mean100          mean of the last min(100, n) returns; NaN when none
 * @param steps            environment steps taken
 * @param probes           diagnostics probes run (0 when no diagnostics were attached)
 * @param firstUpdate      for each finding kind that became active, the learner's update count at its first probe
 * @param wallTime         wall time of the factory call and the training
 * @param passed           true when every check held
 * @param reason           "ok", or why the seed failed (several reasons joined by "; ")
 */
public record SeedResult(long seed, int episodes, List<Double> returns, List<Long> episodeEndSteps,
        double bestMean100, double mean100, long steps, long probes, Map<FindingKind, Long> firstUpdate,
        Duration wallTime, boolean passed, String reason) {

    /** Validates and copies. */
    public SeedResult {
        returns = List.copyOf(returns);
        episodeEndSteps = List.copyOf(episodeEndSteps);
        if (returns.size() != episodes || episodeEndSteps.size() != episodes) {
            throw new IllegalArgumentException("returns and episodeEndSteps must hold one entry per episode (" + episodes
                    + "), got " + returns.size() + " and " + episodeEndSteps.size());
        }
        firstUpdate = firstUpdate.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(firstUpdate));
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(reason, "reason");
    }

    /** The values {@link Expectation}s are checked against: {@code mean100}, {@code best_mean100}, {@code episodes}. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean100", mean100);
        m.put("best_mean100", bestMean100);
        m.put("episodes", (double) episodes);
        return m;
    }

    /** Mean of the last min(100, n) returns; NaN when there are none. */
    public static double mean100(List<Double> returns) {
        if (returns.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.max(0, returns.size() - 100);
        return returns.subList(from, returns.size()).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Highest mean of 100 consecutive returns (of all returns when fewer than 100); NaN when there are none. */
    public static double bestMean100(List<Double> returns) {
        if (returns.size() < 100) {
            return mean100(returns);
        }
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < returns.size(); i++) {
            sum += returns.get(i);
            if (i >= 100) {
                sum -= returns.get(i - 100);
            }
            if (i >= 99) {
                best = Math.max(best, sum / 100);
            }
        }
        return best;
    }
}
