package dev.rl4j.ntk;

import java.util.Arrays;

/**
 * SEEM (Yue et al. 2023; docs/math.md#seem): the largest real part among the eigenvalues of the non-symmetric matrix
 * M = gamma K(X*, X) - K(X, X), and that value divided by ||M||_F. With {@link EigenvalueMethod#KRYLOV} it is found
 * by the Arnoldi iteration, accepted when the rightmost Ritz value's residual is at most
 * {@value #RESIDUAL_TOLERANCE} ||M||_F, else (and for fewer than {@value KernelSpectrum#KRYLOV_MIN_SIZE} rows) from
 * every eigenvalue (LAPACK dgeev).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param value      max Re eig(M)
 * @param normalized value / ||M||_F (0 when M = 0)
 */
public record Seem(double value, double normalized) {

    /** The accepted residual of the rightmost Ritz value, relative to ||M||_F. */
    public static final double RESIDUAL_TOLERANCE = 1e-12;
    /** Most Arnoldi steps before falling back to the full decomposition. */
    public static final int MAX_STEPS = 80;

    /**
     * SEEM of the kernels of a batch.
     *
     * @param k      K(X, X), N x N finite; not modified
     * @param kNext  K(X*, X), N x N finite; not modified
     * @param gamma  discount
     * @param method how the eigenvalue is found
     * @throws ArithmeticException if LAPACK fails where the full decomposition is needed
     */
    public static Seem of(double[][] k, double[][] kNext, double gamma, EigenvalueMethod method) {
        int n = k.length;
        double[] m = new double[n * n];
        double frob = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = gamma * kNext[i][j] - k[i][j]; // SEEM matrix, Yue et al. 2023
                m[i * n + j] = v;
                frob += v * v;
            }
        }
        frob = Math.sqrt(frob);
        double seem = Double.NaN;
        if (method == EigenvalueMethod.KRYLOV && n >= KernelSpectrum.KRYLOV_MIN_SIZE) {
            seem = Arnoldi.rightmostRealPart(m, n, MAX_STEPS, RESIDUAL_TOLERANCE * frob);
        }
        if (Double.isNaN(seem)) {
            double[][] full = new double[n][];
            for (int i = 0; i < n; i++) {
                full[i] = Arrays.copyOfRange(m, i * n, (i + 1) * n);
            }
            seem = Arrays.stream(Lapack.realPartsOfEigenvalues(full)).max().orElseThrow();
        }
        return new Seem(seem, frob > 0 ? seem / frob : 0.0);
    }
}
