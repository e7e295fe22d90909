package dev.rl4j.ntk;

import java.util.Arrays;

/**
 * Contraction diagnostics of one NTK Gram matrix (Achiam et al. 2019, Thm. 2; {@code docs/math.md#contraction}),
 * a pure function of the kernel K (N x N, symmetric PSD), the discount gamma and the step size alpha,
 * with rho uniform (rho_i = 1/N).
 *
 * <p>Row-wise arrays are indexed like the rows of K. SEEM fields are NaN when no cross kernel was given
 * ({@link #of(double[][], double, double)}); every other field is finite for a finite K with a positive diagonal.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param pairs           N, the number of state-action pairs (rows of K)
 * @param gamma           discount in [0, 1)
 * @param alpha           step size used for eqs. 16 and beta, > 0
 * @param diagMean        mean of K_ii
 * @param diagMin         min of K_ii
 * @param diagMax         max of K_ii
 * @param offDiagAbsMean  mean of |K_ij|, i != j (0 when N = 1)
 * @param offDiagAbsMax   max of |K_ij|, i != j (0 when N = 1)
 * @param rowRatioMean    mean of R_i(K) = (1/N) sum_{j != i} |K_ij| / K_ii
 * @param rowRatioMedian  median of R_i
 * @param rowRatioP90     90th percentile of R_i (nearest rank)
 * @param rowRatioMax     max of R_i; eq. 17 with rho uniform needs R_i &lt;= (1 - gamma) / (1 + gamma)
 * @param worstRow        index of the row with the largest R_i
 * @param maxStepRatio    max_i alpha K_ii / N; eq. 16 needs &lt; 1
 * @param fraction16      fraction of rows meeting eq. 16, in [0, 1]
 * @param fraction17      fraction of rows meeting eq. 17, in [0, 1]
 * @param beta            contraction modulus from the proof of Thm. 2; &lt; 1 means sup-norm contraction
 * @param eigMin          smallest eigenvalue of K (>= 0 up to round-off)
 * @param eigMax          largest eigenvalue of K
 * @param conditionNumber eigMax / eigMin; +Infinity when K is singular (eigMin &lt;= 0)
 * @param seem            largest real part of the eigenvalues of gamma K(X*, X) - K(X, X) (Yue et al. 2023); NaN if unknown
 * @param seemNormalized  seem divided by the Frobenius norm of that matrix; NaN if unknown
 * @param rowRatios       R_i per row
 * @param meets16         eq. 16 per row
 * @param meets17         eq. 17 per row
 */
public record StabilityMetrics(int pairs, double gamma, double alpha,
        double diagMean, double diagMin, double diagMax, double offDiagAbsMean, double offDiagAbsMax,
        double rowRatioMean, double rowRatioMedian, double rowRatioP90, double rowRatioMax, int worstRow,
        double maxStepRatio, double fraction16, double fraction17, double beta,
        double eigMin, double eigMax, double conditionNumber, double seem, double seemNormalized,
        double[] rowRatios, boolean[] meets16, boolean[] meets17) {

    /** Defensive copies: the record is immutable. */
    public StabilityMetrics {
        rowRatios = rowRatios.clone();
        meets16 = meets16.clone();
        meets17 = meets17.clone();
    }

    @Override
    public double[] rowRatios() {
        return rowRatios.clone();
    }

    @Override
    public boolean[] meets16() {
        return meets16.clone();
    }

    @Override
    public boolean[] meets17() {
        return meets17.clone();
    }

    /** The bound of eq. 17 on R_i with rho uniform: (1 - gamma) / (1 + gamma). */
    public double rowRatioBound() {
        return (1 - gamma) / (1 + gamma);
    }

    /** True when beta(K) &lt; 1: the linearised update is a sup-norm contraction (Thm. 2). */
    public boolean isContraction() {
        return beta < 1.0;
    }

    /** SEEM above zero: the linearised expected update has a self-exciting direction. */
    public boolean isSelfExciting() {
        return seem > 0;
    }

    /**
     * Metrics of K alone (SEEM fields NaN), eigenvalues by {@link EigenvalueMethod#KRYLOV}.
     *
     * @param k     N x N kernel, symmetric, finite, positive diagonal; not modified
     * @param gamma discount in [0, 1)
     * @param alpha step size, > 0
     * @throws IllegalArgumentException on a non-square, empty, non-finite K, a non-positive diagonal or bad gamma/alpha
     */
    public static StabilityMetrics of(double[][] k, double gamma, double alpha) {
        return of(k, null, gamma, alpha, EigenvalueMethod.KRYLOV, EigenvalueMethod.KRYLOV, false);
    }

    /**
     * Metrics of K plus SEEM from the cross kernel, eigenvalues by {@link EigenvalueMethod#KRYLOV}.
     *
     * @param k      K(X, X), N x N
     * @param kNext  K(X*, X), N x N: row i is the kernel between (s'_i, argmax_a Q(s'_i, a)) and every pair of X
     * @param gamma  discount in [0, 1)
     * @param alpha  step size, > 0
     */
    public static StabilityMetrics of(double[][] k, double[][] kNext, double gamma, double alpha) {
        return of(k, kNext, gamma, alpha, EigenvalueMethod.KRYLOV);
    }

    /**
     * As {@link #of(double[][], double[][], double, double)} with the eigenvalues found by {@code method} (the
     * reference {@link EigenvalueMethod#FULL_DECOMPOSITION} in tests and {@code bench-probe --reference}).
     */
    public static StabilityMetrics of(double[][] k, double[][] kNext, double gamma, double alpha,
            EigenvalueMethod method) {
        if (kNext == null) {
            throw new IllegalArgumentException("kNext must not be null; use of(k, gamma, alpha) without SEEM");
        }
        return of(k, kNext, gamma, alpha, method, method, true);
    }

    private static StabilityMetrics of(double[][] k, double[][] kNext, double gamma, double alpha,
            EigenvalueMethod spectrumMethod, EigenvalueMethod seemMethod, boolean withSeem) {
        int n = checkSquare("k", k, -1);
        if (withSeem) {
            checkSquare("kNext", kNext, n);
        }
        checkGammaAlpha(gamma, alpha);
        requirePositiveDiagonal(k);
        return assemble(k, KernelSpectrum.of(k, spectrumMethod),
                withSeem ? Seem.of(k, kNext, gamma, seemMethod) : null, gamma, alpha);
    }

    /**
     * Metrics of a PreQN update (eq. 21), whose linearised form is eq. 10 with the preconditioned kernel
     * K_pre = N K (K + lambda I)^{-1}: alpha K_pre D_rho = alpha K (K + lambda I)^{-1}, which is alpha I when K is
     * invertible and lambda = 0, so beta = 1 - alpha (1 - gamma). SEEM uses N (gamma K(X*, X) - K(X, X))
     * (K + lambda I)^{-1}, the matrix of the preconditioned expected update. lambda, the factorisation and the
     * pseudo-inverse fallback for a singular K are PreQN's own ({@link DampedKernel}), so these metrics judge exactly
     * the kernel PreQN applies.
     *
     * @param damping PreQN's damping, finite and >= 0
     * @throws ArithmeticException only when LAPACK fails on K (PreQN takes no step on such a kernel)
     */
    public static StabilityMetrics ofPreconditioned(double[][] k, double[][] kNext, double damping, double gamma,
            double alpha) {
        return ofPreconditioned(k, kNext, damping, gamma, alpha, EigenvalueMethod.KRYLOV);
    }

    /**
     * As {@link #ofPreconditioned(double[][], double[][], double, double, double)} with SEEM found by the given
     * method. The eigenvalues of K_pre itself always come from the full decomposition
     * ({@link KernelSpectrum#PRECONDITIONED_METHOD}).
     */
    public static StabilityMetrics ofPreconditioned(double[][] k, double[][] kNext, double damping, double gamma,
            double alpha, EigenvalueMethod method) {
        checkSquare("k", k, -1);
        if (kNext != null) {
            checkSquare("kNext", kNext, k.length);
        }
        DampedKernel damped = DampedKernel.of(k, damping);
        double[][] kPre = damped.preconditioned(k);
        EigenvalueMethod spectrum = KernelSpectrum.PRECONDITIONED_METHOD;
        return kNext == null ? of(kPre, null, gamma, alpha, spectrum, method, false)
                : of(kPre, damped.preconditioned(kNext), gamma, alpha, spectrum, method, true);
    }

    /**
     * The metrics from their parts: the O(N^2) row sums of eqs. 16-17 and beta are computed here, the eigenvalues
     * are given ({@link KernelSpectrum}, {@link Seem}), so a caller can time each part.
     *
     * @param k        N x N kernel, finite, positive diagonal; not modified
     * @param spectrum eigMin and eigMax of k
     * @param seem     SEEM of k and its cross kernel, or null (SEEM fields NaN)
     * @param gamma    discount in [0, 1)
     * @param alpha    step size, > 0
     */
    public static StabilityMetrics assemble(double[][] k, KernelSpectrum spectrum, Seem seem, double gamma,
            double alpha) {
        int n = checkSquare("k", k, -1);
        checkGammaAlpha(gamma, alpha);
        java.util.Objects.requireNonNull(spectrum, "spectrum");
        double rho = 1.0 / n;
        double[] ratios = new double[n];
        boolean[] m16 = new boolean[n];
        boolean[] m17 = new boolean[n];
        double diagSum = 0, diagMin = Double.POSITIVE_INFINITY, diagMax = Double.NEGATIVE_INFINITY;
        double offSum = 0, offMax = 0, beta = 0, maxStep = 0;
        int c16 = 0, c17 = 0, worst = 0;
        for (int i = 0; i < n; i++) {
            double kii = k[i][i];
            if (!(kii > 0)) {
                throw new IllegalArgumentException("K[" + i + "][" + i + "] must be > 0 (a zero gradient has no row ratio), got " + kii);
            }
            double off = 0;
            double rowBeta = 0;
            for (int j = 0; j < n; j++) {
                double a = Math.abs(k[i][j]);
                if (j != i) {
                    off += a;
                    offMax = Math.max(offMax, a);
                }
                // modulus from the proof of Thm. 2: sum_j |delta_ij - alpha K_ij rho_j| + alpha gamma |K_ij| rho_j
                rowBeta += Math.abs((i == j ? 1.0 : 0.0) - alpha * k[i][j] * rho) + alpha * gamma * a * rho;
            }
            beta = Math.max(beta, rowBeta);
            offSum += off;
            diagSum += kii;
            diagMin = Math.min(diagMin, kii);
            diagMax = Math.max(diagMax, kii);
            ratios[i] = rho * off / kii; // R_i(K), printed with 1/N as in the paper
            if (ratios[i] > ratios[worst]) {
                worst = i;
            }
            double step = alpha * kii * rho;
            maxStep = Math.max(maxStep, step);
            m16[i] = step < 1.0; // eq. 16
            m17[i] = (1 + gamma) * off * rho <= (1 - gamma) * kii * rho; // eq. 17, rho uniform
            c16 += m16[i] ? 1 : 0;
            c17 += m17[i] ? 1 : 0;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double mean = 0;
        for (double r : ratios) {
            mean += r / n;
        }
        double seemValue = seem == null ? Double.NaN : seem.value();
        double seemNorm = seem == null ? Double.NaN : seem.normalized();
        return new StabilityMetrics(n, gamma, alpha, diagSum / n, diagMin, diagMax,
                n > 1 ? offSum / ((double) n * (n - 1)) : 0.0, offMax,
                mean, quantile(sorted, 0.5), quantile(sorted, 0.9), sorted[n - 1], worst,
                maxStep, (double) c16 / n, (double) c17 / n, beta, spectrum.eigMin(), spectrum.eigMax(),
                spectrum.conditionNumber(), seemValue, seemNorm, ratios, m16, m17);
    }

    private static void checkGammaAlpha(double gamma, double alpha) {
        Discount.BELOW_ONE.require("gamma", gamma);
        if (!(alpha > 0.0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
    }

    private static void requirePositiveDiagonal(double[][] k) {
        for (int i = 0; i < k.length; i++) {
            if (!(k[i][i] > 0)) {
                throw new IllegalArgumentException("K[" + i + "][" + i + "] must be > 0 (a zero gradient has no row ratio), got " + k[i][i]);
            }
        }
    }

    /**
     * Eigenvalues of a symmetric matrix in ascending order, LAPACK dsyevd (divide and conquer) through OpenBLAS, the
     * library ND4J links.
     *
     * @param a square symmetric matrix (only the lower triangle is read); not modified
     * @throws ArithmeticException if LAPACK reports a failure
     */
    public static double[] symmetricEigenvalues(double[][] a) {
        return Lapack.symmetricEigenvalues(a);
    }

    /** Nearest-rank quantile of an ascending array. */
    private static double quantile(double[] sorted, double q) {
        int idx = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static int checkSquare(String name, double[][] m, int expected) {
        if (m == null || m.length == 0) {
            throw new IllegalArgumentException(name + " must be a non-empty square matrix, got "
                    + (m == null ? "null" : "0 rows"));
        }
        int n = m.length;
        if (expected >= 0 && n != expected) {
            throw new IllegalArgumentException(name + " must be " + expected + " x " + expected + ", got " + n + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (m[i] == null || m[i].length != n) {
                throw new IllegalArgumentException(name + " must be square: row " + i + " has "
                        + (m[i] == null ? "null" : m[i].length + " columns") + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(m[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] must be finite, got " + m[i][j]);
                }
            }
        }
        return n;
    }
}
