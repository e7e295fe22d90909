package dev.rl4j.lab.bench;

import dev.rl4j.lab.JsonLine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Summary of repeated wall-clock measurements in milliseconds, with the measuring thread's CPU time when the JVM
 * reports it (on a shared machine the wall time includes waiting for a core; the CPU time does not, and with one
 * BLAS thread the work runs on the measuring thread).
 *
 * @param reps     number of timed repetitions (after warm-up)
 * @param medianMs median
 * @param minMs    fastest
 * @param maxMs    slowest
 * @param p90Ms    90th percentile (nearest rank)
 * @param cpuMedianMs median thread CPU time; NaN when not measured
 * @param cpuMinMs least thread CPU time; NaN when not measured
 */
record Timings(int reps, double medianMs, double minMs, double maxMs, double p90Ms, double cpuMedianMs,
        double cpuMinMs) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Adds {@code reps, median_ms, min_ms, max_ms, p90_ms} (and {@code cpu_median_ms, cpu_min_ms} when measured) to a
     * benchmark's JSON line and returns it.
     */
    public JsonLine putTo(JsonLine line) {
        line.put("reps", reps).put("median_ms", medianMs).put("min_ms", minMs).put("max_ms", maxMs)
                .put("p90_ms", p90Ms);
        if (!Double.isNaN(cpuMedianMs)) {
            line.put("cpu_median_ms", cpuMedianMs).put("cpu_min_ms", cpuMinMs);
        }
        return line;
    }

    /** Summarises raw nanosecond wall-clock timings. */
    public static Timings ofNanos(long[] nanos) {
        return ofNanos(nanos, null);
    }

    /** Summarises raw nanosecond wall-clock and (when non-null) thread CPU timings. */
    static Timings ofNanos(long[] nanos, long[] cpuNanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("need at least one timing");
        }
        double[] ms = sortedMillis(nanos);
        int n = ms.length;
        double[] cpu = cpuNanos == null ? null : sortedMillis(cpuNanos);
        return new Timings(n, median(ms), ms[0], ms[n - 1], ms[Math.max(0, (int) Math.ceil(0.9 * n) - 1)],
                cpu == null ? Double.NaN : median(cpu), cpu == null ? Double.NaN : cpu[0]);
    }

    /** Times {@code body} {@code reps} times after {@code warmup} untimed runs. */
    public static Timings measure(int warmup, int reps, Runnable body) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        boolean cpuTime = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        long[] t = new long[reps];
        long[] cpu = cpuTime ? new long[reps] : null;
        for (int i = 0; i < reps; i++) {
            long cpuStart = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
            long start = System.nanoTime();
            body.run();
            t[i] = System.nanoTime() - start;
            if (cpuTime) {
                cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        return ofNanos(t, cpu);
    }

    private static double[] sortedMillis(long[] nanos) {
        return Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
