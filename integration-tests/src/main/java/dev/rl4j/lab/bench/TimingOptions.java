package dev.rl4j.lab.bench;

import picocli.CommandLine.Option;

/**
 * How a benchmark is timed: {@code --reps}, {@code --warmup} and {@code --threads}. Unset repetitions and warm-up
 * take the command's defaults, which may depend on another option (bench-ntk's method).
 */
final class TimingOptions {

    @Option(names = "--reps", description = "timed repetitions, >= 1 (default 500; bench-ntk --method per-sample: 5)")
    Integer reps;

    @Option(names = "--warmup", description = "untimed warm-up runs, >= 0 (default 500, the JIT settles late; "
            + "bench-ntk --method per-sample: 1)")
    Integer warmup;

    @Option(names = "--threads", description = "BLAS threads, >= 1 (default: available processors)")
    Integer threads;

    /** Timed repetitions, or {@code fallback}; validated. */
    public int reps(int fallback) {
        int r = reps != null ? reps : fallback;
        if (r < 1) {
            throw new IllegalArgumentException("--reps must be >= 1, got " + r);
        }
        return r;
    }

    /** Untimed warm-up runs, or {@code fallback}; validated. */
    public int warmup(int fallback) {
        int w = warmup != null ? warmup : fallback;
        if (w < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0, got " + w);
        }
        return w;
    }

    /** Sets the BLAS threads ({@link dev.rl4j.lab.LabOptions#blasThreads}) and returns how many. */
    public int applyThreads() {
        return dev.rl4j.lab.LabOptions.blasThreads(threads);
    }
}
