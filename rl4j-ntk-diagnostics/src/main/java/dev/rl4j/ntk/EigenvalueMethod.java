package dev.rl4j.ntk;

/**
 * How {@link StabilityMetrics} finds the few eigenvalues its metrics need (docs/math.md#eigenvalues): the smallest and
 * largest eigenvalue of the symmetric kernel K, and the eigenvalue of largest real part of the non-symmetric SEEM
 * matrix gamma K(X*, X) - K(X, X).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum EigenvalueMethod {

    /**
     * The default: Krylov iterations on matrix-vector products (Lanczos for K, Arnoldi for SEEM), each result accepted
     * only when its residual certifies it; otherwise the {@link #FULL_DECOMPOSITION} result for that eigenvalue.
     */
    KRYLOV,

    /**
     * The reference: every eigenvalue of the matrix from LAPACK (dsyevd for K, dgeev for SEEM), then the extreme
     * ones picked. O(N^3); kept for tests and for {@code bench-probe --reference}.
     */
    FULL_DECOMPOSITION
}
