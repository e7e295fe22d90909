package dev.rl4j.ntk;

/**
 * How {@link EmpiricalNtk} computes gradients of Q(s, a). Both paths give the same kernel up to round-off
 * (tested to 1e-8 relative against central finite differences); they differ in cost and in the layers they accept.
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum NtkMethod {
    /**
     * K = sum_l (A_l A_l^T + 1) ⊙ (D_l D_l^T) from one forward and one batched backward pass in double
     * (docs/math.md, "structured kernel"). Cost: N^2 * sum_l (d_in + d_out) multiply-adds through BLAS, memory O(N^2 + N * width).
     * Dense stacks only ({@code DenseLayer}, {@code OutputLayer}/{@code LossLayer} with identity
     * activation). Chosen automatically whenever every layer has this rule.
     */
    STRUCTURED,
    /**
     * One gradient per (s, a) pair on a double-precision copy of the network, K = G G^T. Any feed-forward
     * {@code MultiLayerNetwork} (convolutional, for example). Cost: N backward passes plus N^2 * P; memory N * P.
     * Exact but slow: the fallback, and the reference the structured path is tested against.
     */
    PER_SAMPLE
}
