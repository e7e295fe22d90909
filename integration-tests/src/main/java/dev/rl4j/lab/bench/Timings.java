package dev.rl4j.lab.bench;

import dev.rl4j.lab.JsonLine;
import java.util.Arrays;

/**
 * Summary of repeated wall-clock measurements in milliseconds.
 *
 * @param reps    number of timed repetitions (after warm-up)
 * @param medianMs median
 * @param minMs   fastest
 * @param maxMs   slowest
 * @param p90Ms   90th percentile (nearest rank)
 */
record Timings(int reps, double medianMs, double minMs, double maxMs, double p90Ms) {

    /** Adds {@code reps, median_ms, min_ms, max_ms, p90_ms} to a benchmark's JSON line and returns it. */
    public JsonLine putTo(JsonLine line) {
        return line.put("reps", reps).put("median_ms", medianMs).put("min_ms", minMs).put("max_ms", maxMs)
                .put("p90_ms", p90Ms);
    }

    /** Summarises raw nanosecond timings. */
    public static Timings ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("need at least one timing");
        }
        double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
        int n = ms.length;
        double median = n % 2 == 1 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
        return new Timings(n, median, ms[0], ms[n - 1], ms[Math.max(0, (int) Math.ceil(0.9 * n) - 1)]);
    }

    /** Times {@code body} {@code reps} times after {@code warmup} untimed runs. */
    public static Timings measure(int warmup, int reps, Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        long[] t = new long[reps];
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - start;
        }
        return ofNanos(t);
    }
}
