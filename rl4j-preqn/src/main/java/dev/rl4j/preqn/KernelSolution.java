package dev.rl4j.preqn;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Solution Z of (K + lambda I) Z = delta, lambda = damping * mean(diag K) (math.md section 3; the paper does not
 * damp). Cholesky first; when it fails (K + lambda I not numerically positive definite) or yields a non-finite Z,
 * the pseudo-inverse from the symmetric eigen-decomposition of K is used, dropping eigenvalues of K + lambda I at or
 * below {@link #PINV_RELATIVE_CUTOFF} * N * max eigenvalue. All arithmetic in double.
 *
 * @param z               N finite weights (all zero if nothing could be solved)
 * @param lambda          damping added to the diagonal, >= 0
 * @param conditionNumber lambda_max(K) / lambda_min(K); +Infinity when lambda_min <= 1e-13 * N * lambda_max
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

        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(k, false));
        double[] ev = eig.getRealEigenvalues();
        double maxEv = Double.NEGATIVE_INFINITY;
        double minEv = Double.POSITIVE_INFINITY;
        for (double e : ev) {
            maxEv = Math.max(maxEv, e);
            minEv = Math.min(minEv, e);
        }
        // numerically singular (lambda_min at or below the pseudo-inverse cutoff): report +Infinity
        double cond = minEv > PINV_RELATIVE_CUTOFF * n * maxEv ? maxEv / minEv : Double.POSITIVE_INFINITY;

        double[] z = cholesky(k, lambda, delta);
        if (z != null) {
            return new KernelSolution(z, lambda, cond, false);
        }
        // pseudo-inverse of K + lambda I: Z = sum_{mu_j > cutoff} v_j (v_j . delta) / mu_j
        double cutoff = PINV_RELATIVE_CUTOFF * n * Math.max(maxEv + lambda, 0.0);
        double[] pinv = new double[n];
        for (int j = 0; j < n; j++) {
            double mu = ev[j] + lambda;
            if (!(mu > cutoff)) {
                continue;
            }
            double[] v = eig.getEigenvector(j).toArray();
            double proj = 0;
            for (int i = 0; i < n; i++) {
                proj += v[i] * delta[i];
            }
            for (int i = 0; i < n; i++) {
                pinv[i] += v[i] * proj / mu;
            }
        }
        for (double value : pinv) {
            if (!Double.isFinite(value)) {
                return new KernelSolution(new double[n], lambda, cond, true);
            }
        }
        return new KernelSolution(pinv, lambda, cond, true);
    }

    /** Solves (K + lambda I) z = b by Cholesky; null when a pivot is not positive enough or z is not finite. */
    static double[] cholesky(double[][] k, double lambda, double[] b) {
        int n = b.length;
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, k[i][i] + lambda);
        }
        double minPivot = CHOLESKY_RELATIVE_PIVOT * maxDiag;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = k[j][j] + lambda;
            for (int p = 0; p < j; p++) {
                d -= l[j][p] * l[j][p];
            }
            if (!(d > minPivot)) {
                return null;
            }
            double ljj = Math.sqrt(d);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = k[i][j];
                for (int p = 0; p < j; p++) {
                    s -= l[i][p] * l[j][p];
                }
                l[i][j] = s / ljj;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {          // L y = b
            double s = b[i];
            for (int p = 0; p < i; p++) {
                s -= l[i][p] * y[p];
            }
            y[i] = s / l[i][i];
        }
        double[] z = new double[n];
        for (int i = n - 1; i >= 0; i--) {     // L^T z = y
            double s = y[i];
            for (int p = i + 1; p < n; p++) {
                s -= l[p][i] * z[p];
            }
            z[i] = s / l[i][i];
        }
        for (double value : z) {
            if (!Double.isFinite(value)) {
                return null;
            }
        }
        return z;
    }
}
