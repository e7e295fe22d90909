package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

/**
 * The two eigenvalues of a symmetric kernel K that {@link StabilityMetrics} reports: the smallest and the largest
 * (docs/math.md#eigenvalues). With {@link EigenvalueMethod#KRYLOV}: eigMax by Lanczos on K, eigMin as 1 / the largest
 * eigenvalue of K^{-1} by Lanczos on solves with the Cholesky factor of K; each value certified by its residual
 * (relative {@value #RELATIVE_TOLERANCE}), else taken from the full decomposition. A K whose Cholesky factorisation
 * fails or has a squared pivot at or below {@value #CHOLESKY_RELATIVE_PIVOT} times the largest diagonal entry is
 * numerically singular: its eigMin comes from the full decomposition. Kernels with fewer than {@value #KRYLOV_MIN_SIZE}
 * rows always use the full decomposition (it is cheap there).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param eigMin smallest eigenvalue (>= 0 up to round-off for a PSD K)
 * @param eigMax largest eigenvalue
 */
public record KernelSpectrum(double eigMin, double eigMax) {

    /** A Ritz value is accepted when its residual is at most this fraction of it. */
    public static final double RELATIVE_TOLERANCE = 1e-10;
    /** Smallest N for which the Krylov iterations are used. */
    public static final int KRYLOV_MIN_SIZE = 64;
    /** Most Lanczos steps before falling back to the full decomposition. */
    public static final int MAX_STEPS = 60;
    /**
     * How the eigenvalues of a PreQN preconditioned kernel N K (K + lambda I)^{-1} are found, whatever the method
     * asked for: the full decomposition. Its eigenvalues N mu / (mu + lambda) cluster near N, where Lanczos cannot
     * certify the extremes within {@link #MAX_STEPS} steps (bench-probe --preqn: 39 ms against dsyevd's 14 ms).
     */
    public static final EigenvalueMethod PRECONDITIONED_METHOD = EigenvalueMethod.FULL_DECOMPOSITION;
    /** Cholesky pivots whose square is at or below this fraction of the largest diagonal entry: singular. */
    public static final double CHOLESKY_RELATIVE_PIVOT = 1e-14;

    /**
     * eigMin and eigMax of K.
     *
     * @param k      N x N symmetric finite matrix (the lower triangle is read), N >= 1; not modified
     * @param method how the eigenvalues are found
     * @throws ArithmeticException if LAPACK fails where the full decomposition is needed
     */
    public static KernelSpectrum of(double[][] k, EigenvalueMethod method) {
        int n = k.length;
        if (method == EigenvalueMethod.FULL_DECOMPOSITION || n < KRYLOV_MIN_SIZE) {
            return full(k);
        }
        double[] a = symmetricRowMajor(k);
        double eigMax;
        try (BlasMatrix kernel = new BlasMatrix(a, n)) {
            eigMax = Lanczos.largest(kernel::multiply, n, MAX_STEPS, RELATIVE_TOLERANCE);
        }
        double eigMin = Double.NaN;
        double[] factor = choleskyLower(a, n);
        if (factor != null) {
            double inverseMax;
            try (BlasMatrix cholesky = new BlasMatrix(factor, n)) { // K^{-1} x = L^{-T} L^{-1} x
                inverseMax = Lanczos.largest(cholesky::choleskySolve, n, MAX_STEPS, RELATIVE_TOLERANCE);
            }
            eigMin = inverseMax > 0 ? 1.0 / inverseMax : Double.NaN;
        }
        if (Double.isNaN(eigMax) || Double.isNaN(eigMin)) {
            KernelSpectrum reference = full(k);
            return new KernelSpectrum(Double.isNaN(eigMin) ? reference.eigMin() : eigMin,
                    Double.isNaN(eigMax) ? reference.eigMax() : eigMax);
        }
        return new KernelSpectrum(eigMin, eigMax);
    }

    /** eigMax / eigMin; +Infinity when eigMin &lt;= 0 (a singular K). */
    public double conditionNumber() {
        return eigMin > 0 ? eigMax / eigMin : Double.POSITIVE_INFINITY;
    }

    private static KernelSpectrum full(double[][] k) {
        double[] eig = Lapack.symmetricEigenvalues(k);
        return new KernelSpectrum(eig[0], eig[eig.length - 1]);
    }

    /** K as a full row-major array, the upper triangle mirrored from the lower one (the triangle LAPACK reads). */
    private static double[] symmetricRowMajor(double[][] k) {
        int n = k.length;
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = k[i][j];
                a[j * n + i] = k[i][j];
            }
        }
        return a;
    }

    /**
     * The Cholesky factor L of K = L L^T, row-major lower triangle (LAPACK dpotrf on the column-major upper triangle,
     * the same memory), or null when K is numerically singular.
     */
    private static double[] choleskyLower(double[] a, int n) {
        double[] l = a.clone();
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, l[i * n + i]);
        }
        if (LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'U', n, l, n) != 0) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            double d = l[i * n + i];
            if (!(d * d > CHOLESKY_RELATIVE_PIVOT * maxDiag)) {
                return null;
            }
        }
        return l;
    }
}
