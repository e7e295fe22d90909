package dev.rl4j.preqn;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dlansy;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpocon;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dsyevd;
import static org.bytedeco.openblas.global.openblas.LAPACK_ROW_MAJOR;


/**
 * Solution Z of (K + lambda I) Z = delta, lambda = damping * mean(diag K) (docs/math.md#damped-solve; the paper does
 * not damp). Cholesky first (LAPACK dpotrf/dpotrs through OpenBLAS); when it fails (K + lambda I not numerically
 * positive definite) or yields a non-finite Z, the pseudo-inverse from the symmetric eigen-decomposition of K (LAPACK
 * dsyevd) is used, dropping eigenvalues of K + lambda I at or below {@link #PINV_RELATIVE_CUTOFF} * N * max eigenvalue.
 * All arithmetic in double. LAPACK replaced a hand-written Cholesky plus commons-math eigenvalues, which took 43 ms at
 * N = 256 (commons-math's eigen solver also failed to converge on some near-singular kernels).
 *
 * @param z               N finite weights (all zero if nothing could be solved)
 * @param lambda          damping added to the diagonal, >= 0
 * @param conditionNumber after a successful Cholesky: LAPACK dpocon's 1-norm estimate of cond(K + lambda I), O(N^2);
 *                        after the fallback: lambda_max(K) / lambda_min(K), +Infinity when lambda_min <= 1e-13 * N *
 *                        lambda_max
 * @param fallback        true when the pseudo-inverse ran
 */
record KernelSolution(double[] z, double lambda, double conditionNumber, boolean fallback) {

    /** Eigenvalues below this fraction (times N) of the largest are treated as zero in the pseudo-inverse. */
    static final double PINV_RELATIVE_CUTOFF = 1e-13;
    /** Cholesky pivots below this fraction of the largest diagonal entry count as a failure. */
    static final double CHOLESKY_RELATIVE_PIVOT = 1e-14;

    static KernelSolution solve(double[][] k, double[] delta, double damping) {
        int n = delta.length;
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += k[i][i];
        }
        meanDiag /= n;
        double lambda = damping * Math.max(meanDiag, 0.0);

        double[] a = new double[n * n];
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(k[i], 0, a, i * n, n);
            a[i * n + i] += lambda;
            maxDiag = Math.max(maxDiag, a[i * n + i]);
        }
        double norm1 = LAPACKE_dlansy(LAPACK_ROW_MAJOR, (byte) '1', (byte) 'L', n, a, n);
        if (LAPACKE_dpotrf(LAPACK_ROW_MAJOR, (byte) 'L', n, a, n) == 0 && pivotsAbove(a, n, CHOLESKY_RELATIVE_PIVOT * maxDiag)) {
            double[] z = delta.clone();
            LAPACKE_dpotrs(LAPACK_ROW_MAJOR, (byte) 'L', n, 1, a, n, z, 1); // (K + lambda I) z = delta
            if (allFinite(z)) {
                double[] rcond = new double[1];
                LAPACKE_dpocon(LAPACK_ROW_MAJOR, (byte) 'L', n, a, n, norm1, rcond);
                return new KernelSolution(z, lambda, rcond[0] > 0 ? 1.0 / rcond[0] : Double.POSITIVE_INFINITY, false);
            }
        }
        // pseudo-inverse of K + lambda I: Z = sum_{mu_j > cutoff} v_j (v_j . delta) / mu_j
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(k[i], 0, v, i * n, n);
        }
        double[] ev = new double[n];
        if (LAPACKE_dsyevd(LAPACK_ROW_MAJOR, (byte) 'V', (byte) 'L', n, v, n, ev) != 0) {
            return new KernelSolution(new double[n], lambda, Double.POSITIVE_INFINITY, true);
        }
        double maxEv = ev[n - 1];
        double minEv = ev[0];
        double cond = minEv > PINV_RELATIVE_CUTOFF * n * maxEv ? maxEv / minEv : Double.POSITIVE_INFINITY;
        double cutoff = PINV_RELATIVE_CUTOFF * n * Math.max(maxEv + lambda, 0.0);
        double[] pinv = new double[n];
        for (int j = 0; j < n; j++) { // eigenvector j is column j of v (row-major)
            double mu = ev[j] + lambda;
            if (!(mu > cutoff)) {
                continue;
            }
            double proj = 0;
            for (int i = 0; i < n; i++) {
                proj += v[i * n + j] * delta[i];
            }
            for (int i = 0; i < n; i++) {
                pinv[i] += v[i * n + j] * proj / mu;
            }
        }
        if (!allFinite(pinv)) {
            return new KernelSolution(new double[n], lambda, cond, true);
        }
        return new KernelSolution(pinv, lambda, cond, true);
    }

    /** Every squared pivot L_jj^2 of the factor is above {@code min} (the former hand-written rule). */
    private static boolean pivotsAbove(double[] l, int n, double min) {
        for (int j = 0; j < n; j++) {
            double d = l[j * n + j];
            if (!(d * d > min)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[] x) {
        for (double value : x) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
