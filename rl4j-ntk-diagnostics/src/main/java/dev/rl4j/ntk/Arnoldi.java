package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgeev;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

/**
 * The largest real part among the eigenvalues of a general square matrix by the Arnoldi iteration with full
 * reorthogonalisation (docs/math.md#eigenvalues), accepted only when the rightmost Ritz value's residual
 * h_{m+1,m} |e_m^T y| / ||y|| is at most a tolerance (y its eigenvector of the Hessenberg matrix H_m; complex Ritz
 * pairs included). Arithmetic in double; the start vector is the fixed one of {@link Lanczos}.
 */
final class Arnoldi {

    /** Steps between two Ritz checks. */
    private static final int CHECK_EVERY = 10;

    private Arnoldi() {
    }

    /**
     * The largest real part of an eigenvalue of the n x n row-major matrix {@code a}, or NaN when no Ritz value was
     * certified within {@code maxSteps} steps (or the iteration found an invariant subspace before n steps, which may
     * miss the rightmost eigenvalue).
     *
     * @param absoluteTolerance largest accepted residual
     */
    static double rightmostRealPart(double[] a, int n, int maxSteps, double absoluteTolerance) {
        int m = Math.min(n, maxSteps);
        double[][] v = new double[m + 1][];
        double[][] h = new double[m + 1][m]; // h[row][col], upper Hessenberg
        v[0] = Lanczos.startVector(n);
        try (BlasMatrix matrix = new BlasMatrix(a, n)) {
            return iterate(matrix, n, m, v, h, absoluteTolerance);
        }
    }

    private static double iterate(BlasMatrix a, int n, int m, double[][] v, double[][] h, double absoluteTolerance) {
        double scale = 0; // largest |h_qj| so far: the size of the matrix seen by the iteration
        for (int j = 0; j < m; j++) {
            double[] w = new double[n];
            a.multiply(v[j], w); // w = A v_j
            for (int pass = 0; pass < 2; pass++) { // modified Gram-Schmidt, twice
                for (int q = 0; q <= j; q++) {
                    double c = Lanczos.dot(w, v[q], n);
                    h[q][j] += c;
                    Lanczos.axpy(-c, v[q], w, n);
                }
            }
            double beta = Math.sqrt(Lanczos.dot(w, w, n));
            h[j + 1][j] = beta;
            if (!Double.isFinite(beta)) {
                return Double.NaN;
            }
            for (int q = 0; q <= j + 1; q++) {
                scale = Math.max(scale, Math.abs(h[q][j]));
            }
            int d = j + 1;
            boolean invariant = beta <= 1e-13 * scale + Double.MIN_NORMAL;
            if (d % CHECK_EVERY == 0 || d == m || invariant) {
                double re = certifiedRightmost(h, d, beta, absoluteTolerance);
                if (!Double.isNaN(re) && (!invariant || d == n)) {
                    return re;
                }
                if (invariant) {
                    return Double.NaN;
                }
            }
            v[j + 1] = w;
            double inv = 1.0 / beta;
            for (int i = 0; i < n; i++) {
                w[i] *= inv;
            }
        }
        return Double.NaN;
    }

    /** Re theta of the rightmost Ritz value of H_d when its residual is at most the tolerance, else NaN. */
    private static double certifiedRightmost(double[][] h, int d, double beta, double tolerance) {
        double[] hd = new double[d * d]; // column-major
        for (int c = 0; c < d; c++) {
            for (int r = 0; r <= Math.min(c + 1, d - 1); r++) {
                hd[c * d + r] = h[r][c];
            }
        }
        double[] wr = new double[d];
        double[] wi = new double[d];
        double[] vr = new double[d * d];
        if (LAPACKE_dgeev(LAPACK_COL_MAJOR, (byte) 'N', (byte) 'V', d, hd, d, wr, wi, new double[1], 1, vr, d) != 0) {
            return Double.NaN;
        }
        int best = 0;
        for (int i = 1; i < d; i++) {
            if (wr[i] > wr[best]) {
                best = i;
            }
        }
        double last;
        double norm;
        if (wi[best] == 0) {
            last = Math.abs(vr[best * d + d - 1]);
            norm = Math.sqrt(columnNormSquared(vr, best, d));
        } else { // a complex pair: columns p (real part) and p + 1 (imaginary part), wi[p] > 0
            int p = wi[best] > 0 ? best : best - 1;
            last = Math.hypot(vr[p * d + d - 1], vr[(p + 1) * d + d - 1]);
            norm = Math.sqrt(columnNormSquared(vr, p, d) + columnNormSquared(vr, p + 1, d));
        }
        double residual = beta * last / norm;
        return residual <= tolerance ? wr[best] : Double.NaN;
    }

    private static double columnNormSquared(double[] colMajor, int col, int d) {
        double s = 0;
        for (int r = 0; r < d; r++) {
            double x = colMajor[col * d + r];
            s += x * x;
        }
        return s;
    }
}
