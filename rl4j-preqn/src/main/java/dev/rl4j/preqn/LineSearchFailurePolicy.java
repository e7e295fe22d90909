package dev.rl4j.preqn;

/**
 * What PreQN does when no trial step theta + c^k * Delta theta (k = 0 .. maxTrials - 1) reaches
 * cos(Q_new - Q_old, delta) >= eta on the batch. The paper does not say (docs/math.md#line-search); every such event is
 * counted ({@link PreQNUpdateAlgorithm#lineSearchFailures()}) and logged at WARN (rate-limited) whatever the policy.
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum LineSearchFailurePolicy {
    /** Restore theta exactly: the update changes nothing. The safe default; the failed batch is simply skipped. */
    REJECT_STEP,
    /** Keep the smallest trial, theta + c^(maxTrials-1) * Delta theta: always makes some progress, may move Q
     *  in a direction that disagrees with delta. */
    KEEP_SMALLEST_TRIAL
}
