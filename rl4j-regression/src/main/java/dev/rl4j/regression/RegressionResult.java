package dev.rl4j.regression;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outcome of {@link AgentRegression#run()}: one {@link SeedResult} per seed, in the order given, and the verdict.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param seeds      per-seed results; unmodifiable
 * @param minPassing seeds that had to pass
 * @param conditions the checks applied to every seed, for messages (e.g. {@code mean100>=150, no SOFT_DIVERGENCE})
 */
public record RegressionResult(List<SeedResult> seeds, int minPassing, String conditions) {

    /** Copies. */
    public RegressionResult {
        seeds = List.copyOf(seeds);
    }

    /** Number of seeds that passed. */
    public int passing() {
        return (int) seeds.stream().filter(SeedResult::passed).count();
    }

    /** True when at least {@code minPassing} seeds passed. */
    public boolean success() {
        return passing() >= minPassing;
    }

    /** One line of verdict followed by {@link #table()}. */
    public String summary() {
        return String.format(Locale.ROOT, "AgentRegression %s: %d of %d seeds passed, %d required (%s)%n%s",
                success() ? "passed" : "FAILED", passing(), seeds.size(), minPassing, conditions, table());
    }

    /**
     * The per-seed table: seed, episodes, steps, mean100, best_mean100, seconds, probes, findings (kind@first update),
     * pass and reason; one line per seed after a header.
     */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s %8s %9s %9s %13s %8s %7s %-24s %-5s %s%n",
                "seed", "episodes", "steps", "mean100", "best_mean100", "seconds", "probes", "findings", "pass", "reason"));
        for (SeedResult r : seeds) {
            String findings = r.firstUpdate().isEmpty() ? "-" : r.firstUpdate().entrySet().stream()
                    .map(e -> e.getKey() + "@" + e.getValue()).collect(Collectors.joining(","));
            b.append(String.format(Locale.ROOT, "%-8d %8d %9d %9.1f %13.1f %8.1f %7d %-24s %-5s %s%n", r.seed(),
                    r.episodes(), r.steps(), r.mean100(), r.bestMean100(), r.wallTime().toMillis() / 1000.0, r.probes(),
                    findings, r.passed() ? "yes" : "no", r.reason()));
        }
        return b.toString();
    }
}
