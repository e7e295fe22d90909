package dev.rl4j.diagnostics;

/**
 * How urgent a {@link Finding} is.
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Severity {
    /** The update has lost a guarantee (contraction, bounded values, rank); divergence is possible. */
    WARNING,
    /** Training has already failed (non-finite numbers); continuing is pointless. */
    CRITICAL
}
