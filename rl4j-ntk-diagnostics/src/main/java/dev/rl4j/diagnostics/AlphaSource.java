package dev.rl4j.diagnostics;

/**
 * Where the effective step size alpha of a probe came from (eq. 5: theta' = theta + alpha E[(T*Q - Q) grad Q]).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum AlphaSource {
    /** Supplied by the user through {@link NtkDiagnosticsBuilder#stepSize(double)}. */
    USER,
    /** Read from a {@link StepSizeProvider} (the learner or its update algorithm). */
    PROVIDER,
    /**
     * Read from a preconditioned {@link StepSizeProvider} (PreQN's configured alpha); the kernel metrics are those of
     * the preconditioned kernel N K (K + lambda I)^{-1} ({@code StabilityMetrics.ofPreconditioned}), since that is
     * what moves a PreQN learner's Q-values.
     */
    PRECONDITIONED,
    /**
     * Plain SGD with RL4J's MSE loss: alpha = 2 lr / nOut. MSE averages over the nOut outputs (dL/dQ = 2 (Q - y) / nOut)
     * and DL4J divides the summed gradient by the minibatch size B, which turns the sum into the expectation of eq. 5.
     */
    SGD_LEARNING_RATE,
    /**
     * Measured from one real update (adaptive optimisers): alpha = &lt;d_theta, g&gt; / &lt;g, g&gt; with
     * g = (1/B) sum_i delta_i grad Q(s_i, a_i), the semi-gradient direction of that update.
     */
    MEASURED,
    /** No alpha known yet (e.g. first probe of an Adam run before any update was measured); kernel metrics are NaN. */
    UNKNOWN
}
