package dev.rl4j.lab.run;

import dev.rl4j.lab.JsonLine;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The per-seed table and the JSON line that {@code regress} and {@code regress-merge} both print. */
final class RegressOutput {

    private RegressOutput() {
    }

    /**
     * The seeds that must pass: {@code --min-pass}, or every seed when it is unset.
     *
     * @throws IllegalArgumentException naming {@code --min-pass} when it is outside [0, seeds]
     */
    static int required(Integer minPass, int seeds) {
        int required = minPass != null ? minPass : seeds;
        if (required < 0 || required > seeds) {
            throw new IllegalArgumentException("--min-pass must be in [0, " + seeds + "], got " + required);
        }
        return required;
    }

    /** The per-seed table, on the command's stderr; the reason is shown for failed seeds only. */
    static void table(PrintWriter err, String algo, List<SeedOutcome> seeds) {
        err.printf(Locale.ROOT, "%-6s %-6s %9s %9s %13s %9s %8s %14s %14s %s%n", "algo", "seed", "episodes", "mean100",
                "best_mean100", "seconds", "pass", "first_warning", "first_soft_div", "reason");
        for (SeedOutcome s : seeds) {
            err.printf(Locale.ROOT, "%-6s %-6d %9d %9.1f %13.1f %9.0f %8s %14s %14s %s%n", algo, s.seed(), s.episodes(),
                    s.mean100(), s.bestMean100(), s.seconds(), s.pass() ? "yes" : "no",
                    s.firstWarning() == null ? "-" : s.firstWarning(),
                    s.firstSoftDivergence() == null ? "-" : s.firstSoftDivergence(), s.pass() ? "-" : s.reason());
        }
        err.flush();
    }

    /**
     * The JSON line of a judged set of seeds (without {@code settings}, which the command's {@code JsonSummary} adds).
     *
     * @param command  {@code regress} or {@code regress-merge}
     * @param learner  env, algo, target_network, lr, steps
     * @param expect   the expectation applied
     * @param required seeds that had to pass; 0 means the run succeeds whatever the seeds did
     */
    static JsonLine line(String command, Map<String, Object> learner, String expect, List<SeedOutcome> seeds,
            int required) {
        int passed = (int) seeds.stream().filter(SeedOutcome::pass).count();
        return new JsonLine().put("command", command).putAll(learner).put("expect", expect).put("passed", passed)
                .put("required", required).put("success", passed >= required)
                .put("runs", seeds.stream().map(s -> s.toJson(false)).toList());
    }
}
