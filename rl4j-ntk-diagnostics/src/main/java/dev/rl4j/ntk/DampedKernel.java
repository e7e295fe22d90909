package dev.rl4j.ntk;

/**
 * The damped kernel K + lambda I of a PreQN step, lambda = damping * max(mean(diag K), 0) (docs/math.md#damped-solve, the damped
 * solve; the paper does not damp), factored once and solved against: the PreQN weights Z of
 * (K + lambda I) Z = delta (eq. 21) and the preconditioned kernel N B (K + lambda I)^{-1} that the diagnostics judge
 * (eq. 10 with K replaced by the preconditioned kernel). Both callers use this one type, so the diagnostics judge
 * exactly the kernel PreQN applies.
 *
 * <p>Solve rule: Cholesky of K + lambda I first (LAPACK dpotrf/dpotrs). When it fails (LAPACK error, or a squared
 * pivot at or below {@link #CHOLESKY_RELATIVE_PIVOT} times the largest diagonal entry) or the solve is not finite,
 * the pseudo-inverse from the eigen-decomposition of K (LAPACK dsyevd) is used instead, dropping the eigenvalues mu_j
 * of K + lambda I at or below {@link #PINV_RELATIVE_CUTOFF} * N * max(mu). All arithmetic in double. LAPACK replaced
 * a hand-written Cholesky plus commons-math eigenvalues, which took 43 ms at N = 256.
 *
 * <pre>{@code
 * DampedKernel.Solution s = DampedKernel.of(k, 1e-6).solve(delta);        // PreQN
 * double[][] kPre = DampedKernel.of(k, 1e-6).preconditioned(k);          // diagnostics: N K (K + lambda I)^{-1}
 * }</pre>
 *
 * <p>Holds a reference to K (not a copy): K must not change while this object is used. Not thread-safe (the
 * eigen-decomposition is computed on first need). Stability: experimental. @since 0.1
 */
public final class DampedKernel {

    /** Eigenvalues below this fraction (times N) of the largest are treated as zero in the pseudo-inverse. */
    public static final double PINV_RELATIVE_CUTOFF = 1e-13;
    /** Cholesky pivots below this fraction of the largest diagonal entry count as a failure. */
    public static final double CHOLESKY_RELATIVE_PIVOT = 1e-14;

    private final double[][] k;
    private final int n;
    private final double lambda;
    private final double norm1;
    /** Row-major N x N work array: the Cholesky factor when {@link #cholesky}, else the eigenvectors once computed. */
    private final double[] work;
    private boolean cholesky;       // false once the eigen-decomposition has overwritten the factor
    private double[] eigenvalues;   // of K (undamped), ascending; null until the pseudo-inverse is first needed
    private boolean eigenFailed;

    private DampedKernel(double[][] k, double lambda) {
        this.k = k;
        this.n = k.length;
        this.lambda = lambda;
        this.work = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(k[i], 0, work, i * n, n);
            work[i * n + i] += lambda;
        }
        this.norm1 = Lapack.symmetricNorm1(work, n);
        this.cholesky = Lapack.choleskyInPlace(work, n, CHOLESKY_RELATIVE_PIVOT);
    }

    /**
     * Factors K + lambda I, lambda = damping * max(mean(diag K), 0).
     *
     * @param k       N x N kernel, symmetric (the lower triangle is read), finite, N >= 1; not modified, not copied
     * @param damping relative damping, finite and >= 0
     * @throws IllegalArgumentException on an empty K or a negative, NaN or infinite damping
     */
    public static DampedKernel of(double[][] k, double damping) {
        if (k == null || k.length == 0) {
            throw new IllegalArgumentException("k must be a non-empty square matrix, got "
                    + (k == null ? "null" : "0 rows"));
        }
        if (!(damping >= 0.0 && damping < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("damping must be in [0, +Infinity), got " + damping);
        }
        int n = k.length;
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += k[i][i];
        }
        meanDiag /= n;
        return new DampedKernel(k, damping * Math.max(meanDiag, 0.0));
    }

    /** The damping added to the diagonal, damping * max(mean(diag K), 0), >= 0. */
    public double lambda() {
        return lambda;
    }

    /** N, the number of rows of K. */
    public int size() {
        return n;
    }

    /** True while solves use the Cholesky factor: K + lambda I passed the pivot rule and no solve fell back yet. */
    public boolean choleskyFactored() {
        return cholesky;
    }

    /**
     * Solution Z of (K + lambda I) Z = delta (eq. 21), Cholesky first, else the pseudo-inverse.
     *
     * @param delta N finite TD errors; not modified
     */
    public Solution solve(double[] delta) {
        if (delta.length != n) {
            throw new IllegalArgumentException("delta must have " + n + " entries, got " + delta.length);
        }
        if (cholesky) {
            double[] z = delta.clone();
            Lapack.choleskySolve(work, n, z, 1);
            if (Finite.all(z)) {
                return new Solution(z, lambda, Lapack.choleskyConditionNumber(work, n, norm1), false);
            }
        }
        if (!eigenDecomposed()) {
            return new Solution(new double[n], lambda, Double.POSITIVE_INFINITY, true);
        }
        double cond = eigenConditionNumber();
        double cutoff = pseudoInverseCutoff();
        double[] pinv = new double[n];
        for (int j = 0; j < n; j++) { // Z = sum_{mu_j > cutoff} v_j (v_j . delta) / mu_j; v_j is column j of work
            double mu = eigenvalues[j] + lambda;
            if (!(mu > cutoff)) {
                continue;
            }
            double proj = 0;
            for (int i = 0; i < n; i++) {
                proj += work[i * n + j] * delta[i];
            }
            for (int i = 0; i < n; i++) {
                pinv[i] += work[i * n + j] * proj / mu;
            }
        }
        if (!Finite.all(pinv)) {
            return new Solution(new double[n], lambda, cond, true);
        }
        return new Solution(pinv, lambda, cond, true);
    }

    /**
     * The preconditioned kernel N B (K + lambda I)^{-1} (the pseudo-inverse under the same rule as {@link #solve}):
     * with B = K it is the kernel through which a PreQN step moves the Q-values, Q' - Q = (alpha / N) K_pre delta.
     *
     * @param b N x N matrix (K itself, or the cross kernel K(X*, X)); not modified
     * @throws ArithmeticException when neither the factor nor the eigen-decomposition is usable (PreQN takes no step
     *                             then)
     */
    public double[][] preconditioned(double[][] b) {
        if (b.length != n) {
            throw new IllegalArgumentException("b must be " + n + " x " + n + ", got " + b.length + " rows");
        }
        if (cholesky) { // N ((K + lambda I)^{-1} B^T)^T
            double[] bt = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    bt[j * n + i] = b[i][j];
                }
            }
            Lapack.choleskySolve(work, n, bt, n);
            if (Finite.all(bt)) {
                double[][] out = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] = n * bt[j * n + i];
                    }
                }
                return out;
            }
        }
        if (!eigenDecomposed()) {
            throw new ArithmeticException("LAPACK dsyevd failed on the " + n + " x " + n + " kernel: PreQN takes no "
                    + "step on such a kernel (Z = 0)");
        }
        return pseudoInverseProduct(b);
    }

    /** N B V diag(w) V^T, w_j = 1 / mu_j above the cutoff and 0 below it. */
    private double[][] pseudoInverseProduct(double[][] b) {
        double cutoff = pseudoInverseCutoff();
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            double mu = eigenvalues[j] + lambda;
            w[j] = mu > cutoff ? 1.0 / mu : 0.0;
        }
        double[][] bv = new double[n][n]; // B V diag(w)
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double bil = b[i][l];
                for (int j = 0; j < n; j++) {
                    bv[i][j] += bil * work[l * n + j];
                }
            }
            for (int j = 0; j < n; j++) {
                bv[i][j] *= w[j];
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += bv[i][j] * work[l * n + j];
                }
                out[i][l] = n * sum;
            }
        }
        return out;
    }

    /** Eigen-decomposes K (undamped) into {@link #work} on first need; false when LAPACK failed. */
    private boolean eigenDecomposed() {
        if (eigenvalues == null && !eigenFailed) {
            cholesky = false; // the factor is overwritten: from now on every solve uses the pseudo-inverse
            Lapack.copyRowMajor(k, work);
            double[] w = new double[n];
            eigenFailed = Lapack.symmetricEigenInPlace(work, n, w) != 0;
            eigenvalues = eigenFailed ? null : w;
        }
        return !eigenFailed;
    }

    /** lambda_max(K) / lambda_min(K); +Infinity when lambda_min <= PINV_RELATIVE_CUTOFF * N * lambda_max. */
    private double eigenConditionNumber() {
        double maxEv = eigenvalues[n - 1];
        double minEv = eigenvalues[0];
        return minEv > PINV_RELATIVE_CUTOFF * n * maxEv ? maxEv / minEv : Double.POSITIVE_INFINITY;
    }

    private double pseudoInverseCutoff() {
        return PINV_RELATIVE_CUTOFF * n * Math.max(eigenvalues[n - 1] + lambda, 0.0);
    }

    /**
     * Solution of (K + lambda I) Z = delta.
     *
     * @param z               N finite weights (all zero if nothing could be solved)
     * @param lambda          damping added to the diagonal, >= 0
     * @param conditionNumber after a successful Cholesky: LAPACK dpocon's 1-norm estimate of cond(K + lambda I),
     *                        O(N^2); after the fallback: lambda_max(K) / lambda_min(K), +Infinity when
     *                        lambda_min &lt;= 1e-13 * N * lambda_max (or when the eigen-decomposition failed)
     * @param fallback        true when the pseudo-inverse ran
     */
    public record Solution(double[] z, double lambda, double conditionNumber, boolean fallback) {
    }
}
