package dev.rl4j.lab.bench;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.preqn.PreQNUpdate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PreQN's per-stage times over the timed updates of {@code bench-update} (from {@link PreQNUpdate#timing()}): the
 * median of each stage in milliseconds, and the mean number of line-search trials.
 */
final class StageTimings {

    private static final String[] STAGES = {"targets", "kernel", "solve", "step", "line_search", "effect"};

    private final long[][] nanos;
    private long trials;
    private int recorded;

    /** Room for {@code reps} updates. */
    StageTimings(int reps) {
        nanos = new long[STAGES.length][reps];
    }

    /** Records the stages of timed update {@code index}. */
    void record(int index, PreQNUpdate u) {
        PreQNUpdate.Timing t = u.timing();
        long[] stage = {t.targetsNanos(), t.kernelNanos(), t.solveNanos(), t.stepNanos(), t.lineSearchNanos(),
            t.effectNanos()};
        for (int s = 0; s < STAGES.length; s++) {
            nanos[s][index] = stage[s];
        }
        trials += u.trials();
        recorded = Math.max(recorded, index + 1);
    }

    /** Adds {@code stage_median_ms} (one entry per stage) and {@code mean_trials} to the line and returns it. */
    JsonLine putTo(JsonLine line) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (int s = 0; s < STAGES.length; s++) {
            long[] sorted = Arrays.copyOf(nanos[s], recorded);
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n == 0 ? Double.NaN
                    : n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            medians.put(STAGES[s], median / 1e6);
        }
        return line.put("stage_median_ms", medians).put("mean_trials", recorded == 0 ? Double.NaN
                : (double) trials / recorded);
    }
}
