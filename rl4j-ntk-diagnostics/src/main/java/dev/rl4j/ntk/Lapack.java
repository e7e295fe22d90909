package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dgeev;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dlansy;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpocon;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;

/**
 * The LAPACK routines the NTK engine uses (OpenBLAS, the library ND4J links), on row-major {@code double[]} copies of
 * square matrices. Symmetric routines read the lower triangle. All arithmetic in double.
 */
final class Lapack {

    private static final byte LOWER = (byte) 'L';

    private Lapack() {
    }

    /** The N x N matrix {@code a} as one row-major array (a new copy). */
    static double[] rowMajor(double[][] a) {
        int n = a.length;
        double[] flat = new double[n * n];
        copyRowMajor(a, flat);
        return flat;
    }

    /** Copies the N x N matrix {@code a} row-major into {@code into} (length >= N * N). */
    static void copyRowMajor(double[][] a, double[] into) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, into, i * n, n);
        }
    }

    /** 1-norm of the symmetric matrix {@code a} (LAPACK dlansy); call before {@link #choleskyInPlace}. */
    static double symmetricNorm1(double[] a, int n) {
        return LAPACKE_dlansy(LAPACK_ROW_MAJOR, (byte) '1', LOWER, n, a, n);
    }

    /**
     * Cholesky factor L of the symmetric matrix {@code a}, written over its lower triangle (LAPACK dpotrf). Succeeds
     * when LAPACK does and every squared pivot L_jj^2 is above {@code relativePivot} times the largest diagonal entry
     * of {@code a} (so a numerically semi-definite matrix counts as a failure).
     *
     * @return true when {@code a} now holds a usable factor
     */
    static boolean choleskyInPlace(double[] a, int n, double relativePivot) {
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, a[i * n + i]);
        }
        if (LAPACKE_dpotrf(LAPACK_ROW_MAJOR, LOWER, n, a, n) != 0) {
            return false;
        }
        double min = relativePivot * maxDiag;
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            if (!(d * d > min)) {
                return false;
            }
        }
        return true;
    }

    /** Solves A X = B in place of B (N x nrhs, row-major) from the Cholesky factor of A (LAPACK dpotrs). */
    static void choleskySolve(double[] factor, int n, double[] b, int nrhs) {
        LAPACKE_dpotrs(LAPACK_ROW_MAJOR, LOWER, n, nrhs, factor, n, b, nrhs);
    }

    /**
     * LAPACK dpocon's estimate of the 1-norm condition number of A from its Cholesky factor and its 1-norm, O(N^2);
     * +Infinity when the reciprocal estimate is 0.
     */
    static double choleskyConditionNumber(double[] factor, int n, double norm1) {
        double[] rcond = new double[1];
        LAPACKE_dpocon(LAPACK_ROW_MAJOR, LOWER, n, factor, n, norm1, rcond);
        return rcond[0] > 0 ? 1.0 / rcond[0] : Double.POSITIVE_INFINITY;
    }

    /**
     * Eigen-decomposition of the symmetric matrix {@code a} in place (LAPACK dsyevd, divide and conquer): afterwards
     * column j of {@code a} (row-major) is the eigenvector of {@code w[j]}, eigenvalues ascending.
     *
     * @return LAPACK's info, 0 on success
     */
    static int symmetricEigenInPlace(double[] a, int n, double[] w) {
        return LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'V', LOWER, n, a, n, w);
    }

    /**
     * Eigenvalues of a symmetric matrix in ascending order (LAPACK dsyevd). commons-math 3.5's iterative solver failed
     * to converge on some near-singular 200 x 200 kernels (7 of 144 in ntk-study); LAPACK did not.
     *
     * @param a square symmetric matrix (only the lower triangle is read); not modified
     * @throws ArithmeticException if LAPACK reports a failure
     */
    static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        double[] w = new double[n];
        int info = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'N', LOWER, n, rowMajor(a), n, w);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed on the " + n + " x " + n + " kernel (info=" + info + ")");
        }
        return w;
    }

    /**
     * Real parts of the eigenvalues of a general square matrix (LAPACK dgeev).
     *
     * @throws ArithmeticException if LAPACK reports a failure
     */
    static double[] realPartsOfEigenvalues(double[][] a) {
        int n = a.length;
        double[] wr = new double[n];
        double[] wi = new double[n];
        int info = LAPACKE_dgeev(LAPACK_ROW_MAJOR, (byte) 'N', (byte) 'N', n, rowMajor(a), n, wr, wi,
                new double[n * n], n, new double[n * n], n); // LAPACKE wants ldvl, ldvr >= n in row-major
        if (info != 0) {
            throw new ArithmeticException("LAPACK dgeev failed on the " + n + " x " + n + " SEEM matrix (info=" + info + ")");
        }
        return wr;
    }
}
