package dev.rl4j.preqn;

/**
 * Telemetry of one PreQN update on a minibatch of N transitions (docs/math.md#preqn). Produced on the training thread
 * by {@link PreQNUpdateAlgorithm#compute}, logged at DEBUG and readable as {@link PreQNUpdateAlgorithm#lastUpdate()}.
 * Metric keys for sinks: {@code preqn/cos_before}, {@code preqn/cos_after}, {@code preqn/step_fraction}, ...
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param update         1-based index of this update (every call to compute counts, skipped ones too)
 * @param batchSize      N, number of (s, a) pairs
 * @param outcome        what happened to the parameters
 * @param cosineBefore   cos(Q(theta + Delta theta) - Q(theta), delta) of the full step, in [-1, 1];
 *                       NaN when no step was tried (SKIPPED_NON_FINITE, ZERO_ERROR)
 * @param cosineAfter    the same cosine for the step kept; NaN when theta was left unchanged
 * @param stepFraction   c^k of the step kept, in (0, 1]; 0 when theta was left unchanged
 * @param trials         number of trial steps evaluated, in [0, maxTrials]
 * @param conditionNumber condition number of the solved system: LAPACK dpocon's 1-norm estimate of cond(K + lambda I)
 *                        when Cholesky succeeded, exact lambda_max / lambda_min of K after the pseudo-inverse fallback
 *                        (+Infinity when K is numerically singular)
 *                       (lambda_min &lt;= 1e-13 * N * lambda_max),
 *                       NaN when K was not computed
 * @param lambda         damping used, damping * mean(diag K), >= 0; NaN when K was not computed
 * @param fallbackSolve  true when Cholesky of K + lambda I failed and the pseudo-inverse was used
 * @param deltaMeanAbs   mean |delta_i| after clamping; NaN when the input was not finite
 * @param deltaMaxAbs    max |delta_i| after clamping; NaN when the input was not finite
 * @param kernelNanos    time spent forming K
 * @param solveNanos     time spent solving (K + lambda I) Z = delta, including cond(K)
 * @param stepNanos      time spent forming Delta theta and in the line search
 */
public record PreQNUpdate(long update, int batchSize, Outcome outcome,
        double cosineBefore, double cosineAfter, double stepFraction, int trials,
        double conditionNumber, double lambda, boolean fallbackSolve,
        double deltaMeanAbs, double deltaMaxAbs,
        long kernelNanos, long solveNanos, long stepNanos) {

    /** What an update did to the parameters. @since 0.1 */
    public enum Outcome {
        /** A trial met cos >= eta and was kept. */
        ACCEPTED,
        /** No trial met eta; {@link LineSearchFailurePolicy#KEEP_SMALLEST_TRIAL} kept the smallest. */
        KEPT_SMALLEST_TRIAL,
        /** No trial met eta; {@link LineSearchFailurePolicy#REJECT_STEP} restored theta. */
        REJECTED,
        /** A reward, Q-value, kernel entry or step component was NaN or infinite; theta untouched. */
        SKIPPED_NON_FINITE,
        /** delta was exactly zero on the batch: nothing to move; theta untouched. */
        ZERO_ERROR,
        /** The kernel solve gave Z = 0 although delta was not zero (LAPACK failure); theta untouched, no line search. */
        SOLVE_FAILED
    }

    /** True when the parameters changed. */
    public boolean changedParameters() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.KEPT_SMALLEST_TRIAL;
    }
}
