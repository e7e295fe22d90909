package dev.rl4j.diagnostics;

/**
 * The named diagnoses the listener can make on a probe (Achiam et al. 2019, section 4; {@code docs/math.md}
 * sections {@code #contraction}, {@code #seem}, {@code #soft-divergence}).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum FindingKind {
    /** Eq. 17 fails on too many rows: off-diagonal kernel mass dominates the diagonal (over-generalisation). */
    OVER_GENERALIZATION,
    /** Eq. 16 fails on some row: alpha K_ii rho_i >= 1, the update overshoots. */
    STEP_TOO_LARGE,
    /** beta(K) is below 1 by less than a hair: a contraction that makes no progress toward Q*. */
    STEP_TOO_SMALL,
    /** beta(K) >= 1: no sup-norm contraction guarantee (Thm. 2). Only rules that ask for it report it
     *  ({@link FindingRules#offlineStrict()}); the live listener does not. */
    NO_CONTRACTION,
    /** SEEM > 0: gamma K(X*, X) - K(X, X) has an eigenvalue with positive real part (Yue et al. 2023). */
    SELF_EXCITING,
    /** max |Q| on the probe exceeds r_max / (1 - gamma) (van Hasselt et al. 2018). */
    SOFT_DIVERGENCE,
    /** A parameter or a Q-value is NaN or infinite. Reported immediately, never debounced. */
    NON_FINITE,
    /** The effective rank srank_0.01 of the penultimate features collapsed (Kumar et al. 2021). */
    RANK_COLLAPSE
}
