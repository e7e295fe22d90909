package dev.rl4j.diagnostics;

/**
 * How urgent a {@link Finding} is.
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Severity {
    /** Recorded with its numbers (history, CSV, JSON Lines), logged like a warning, but not part of the warning set:
     *  the calibration ({@code rl4j-lab calibrate}, docs/results.md) found it fires too often on healthy runs. */
    INFO,
    /** The update has lost a guarantee (contraction, bounded values, rank); divergence is possible. */
    WARNING,
    /** Training has already failed (non-finite numbers); continuing is pointless. */
    CRITICAL
}
