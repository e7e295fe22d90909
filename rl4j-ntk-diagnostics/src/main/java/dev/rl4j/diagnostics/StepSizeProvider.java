package dev.rl4j.diagnostics;

/**
 * Implemented by a learner whose Q update has a known step size alpha in the sense of Achiam et al. (2019), eq. 5:
 * theta' = theta + alpha * E[(T*Q - Q) grad Q]. The diagnostics listener reads it instead of estimating alpha from
 * the parameter change. PreQN implements it with its configured alpha (the fraction of the TD error closed per step).
 *
 * <p>Called on the training thread, between updates. Stability: experimental. @since 0.1
 */
@FunctionalInterface
public interface StepSizeProvider {

    /** alpha > 0 as the learner applies it, finite. */
    double stepSize();

    /**
     * NaN (the default) when the learner steps along the plain semi-gradient of eq. 5. A preconditioned learner
     * (PreQN, eq. 21) returns the damping d of its solve (K + lambda I) Z = delta with lambda = d max(mean(diag K), 0), d >= 0 ({@link dev.rl4j.ntk.DampedKernel}): the diagnostics then
     * judge the preconditioned kernel N K (K + lambda I)^{-1}, the one that actually moves its Q-values.
     */
    default double preconditionerDamping() {
        return Double.NaN;
    }
}
