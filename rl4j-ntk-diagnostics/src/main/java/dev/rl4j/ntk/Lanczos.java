package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dstev;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import java.util.SplittableRandom;

/**
 * The largest eigenvalue of a symmetric linear map by the Lanczos iteration with full reorthogonalisation
 * (docs/math.md#eigenvalues), accepted only when its residual certifies it: for a symmetric map some eigenvalue lies
 * within the residual norm beta_m |s_m| of the Ritz value theta (s the Ritz vector of the tridiagonal T_m), and the
 * largest Ritz value never exceeds the largest eigenvalue. Arithmetic in double; the start vector is a fixed
 * pseudo-random unit vector, so results are reproducible.
 */
final class Lanczos {

    /** y = A x for a symmetric A; must not keep or modify {@code x}. */
    interface SymmetricMap {
        void apply(double[] x, double[] y);
    }

    /** Steps between two Ritz checks. */
    private static final int CHECK_EVERY = 5;
    /** Seed of the start vector. */
    private static final long START_SEED = 0x5EEDL;

    private Lanczos() {
    }

    /**
     * The largest eigenvalue of {@code a} (n x n), or NaN when no Ritz value was certified within {@code maxSteps}
     * steps (including an early invariant subspace, which may miss the largest eigenvalue).
     *
     * @param relativeTolerance accept theta when its residual is at most this times |theta|
     */
    static double largest(SymmetricMap a, int n, int maxSteps, double relativeTolerance) {
        int m = Math.min(n, maxSteps);
        double[][] v = new double[m + 1][];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        v[0] = startVector(n);
        double scale = 0; // largest |alpha| or beta so far: the size of the map seen by the iteration
        for (int j = 0; j < m; j++) {
            double[] w = new double[n];
            a.apply(v[j], w);
            for (int pass = 0; pass < 2; pass++) { // full reorthogonalisation, twice
                for (int q = 0; q <= j; q++) {
                    double h = dot(w, v[q], n);
                    if (q == j) {
                        alpha[j] += h;
                    }
                    axpy(-h, v[q], w, n);
                }
            }
            beta[j] = Math.sqrt(dot(w, w, n));
            if (!Double.isFinite(alpha[j]) || !Double.isFinite(beta[j])) {
                return Double.NaN;
            }
            scale = Math.max(scale, Math.max(Math.abs(alpha[j]), beta[j]));
            int d = j + 1;
            boolean invariant = beta[j] <= 1e-13 * scale + Double.MIN_NORMAL;
            if (d % CHECK_EVERY == 0 || d == m || invariant) {
                double theta = certifiedLargestRitzValue(alpha, beta, d, relativeTolerance);
                if (!Double.isNaN(theta) && (!invariant || d == n)) {
                    return theta;
                }
                if (invariant) {
                    return Double.NaN; // the start vector spans an invariant subspace: the largest may be outside
                }
            }
            v[j + 1] = w;
            double inv = 1.0 / beta[j];
            for (int i = 0; i < n; i++) {
                w[i] *= inv;
            }
        }
        return Double.NaN;
    }

    /** The largest eigenvalue of T_d when beta_d |s_d| <= tolerance * |theta|, else NaN (LAPACK dstev on T_d). */
    private static double certifiedLargestRitzValue(double[] alpha, double[] beta, int d, double relativeTolerance) {
        double[] diag = new double[d];
        double[] off = new double[Math.max(1, d - 1)];
        System.arraycopy(alpha, 0, diag, 0, d);
        System.arraycopy(beta, 0, off, 0, d - 1);
        double[] z = new double[d * d];
        if (LAPACKE_dstev(LAPACK_COL_MAJOR, (byte) 'V', d, diag, off, z, d) != 0) {
            return Double.NaN;
        }
        double theta = diag[d - 1]; // ascending
        double residual = beta[d - 1] * Math.abs(z[(d - 1) * d + (d - 1)]); // last entry of the last column
        return residual <= relativeTolerance * Math.abs(theta) ? theta : Double.NaN;
    }

    static double[] startVector(int n) {
        SplittableRandom random = new SplittableRandom(START_SEED);
        double[] v = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble(-1.0, 1.0);
            norm += v[i] * v[i];
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            v[i] *= inv;
        }
        return v;
    }

    static double dot(double[] x, double[] y, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    static void axpy(double a, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += a * x[i];
        }
    }
}
