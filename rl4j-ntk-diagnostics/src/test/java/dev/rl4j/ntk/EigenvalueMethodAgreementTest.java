package dev.rl4j.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.testing.BairdFeatures;
import dev.rl4j.testing.CartpoleTransitions;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.Matrices;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Krylov eigenvalues ({@link EigenvalueMethod#KRYLOV}, what the listener runs) against the reference full
 * decompositions on random, Baird and CartPole kernels, near-singular ones included (docs/math.md#eigenvalues):
 * every eigenvalue metric agrees to 1e-6 relative, down to the reference's own round-off floor (1e-12 eigMax for the
 * eigenvalues of K, 1e-10 ||M||_F for SEEM), and every other metric is identical.
 */
class EigenvalueMethodAgreementTest {

    private static final double RELATIVE = 1e-6;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void randomKernelsWithDecayingSpectraAgree(long seed) {
        Random r = new Random(seed);
        int n = 64 + r.nextInt(193); // 64..256
        double decay = new double[] {1.0, 0.98, 0.9}[(int) (seed % 3)]; // well-conditioned .. cond ~1e12
        double[][] g = gaussian(r, n, n + 20);
        for (double[] row : g) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= Math.pow(decay, j);
            }
        }
        double[][] gNext = nextRows(r, g, 0.1, 0.05);
        assertAgree(Matrices.gram(g), Matrices.gram(gNext, g), 0.99);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20, 63})
    void singularRandomKernelsAgree(int rank) { // K = G G^T of rank < N: eigMin is zero up to round-off
        Random r = new Random(rank);
        double[][] g = gaussian(r, 128, rank);
        assertAgree(Matrices.gram(g), Matrices.gram(nextRows(r, g, 0.2, 0.1), g), 0.9);
    }

    @Test
    void kernelsWithDuplicatePairsAgree() { // duplicate transitions: identical rows, a singular K
        Random r = new Random(11);
        double[][] g = gaussian(r, 100, 150);
        for (int i = 50; i < 100; i++) {
            g[i] = g[i - 50].clone();
        }
        assertAgree(Matrices.gram(g), Matrices.gram(nextRows(r, g, 0.1, 0.0), g), 0.99);
    }

    @Test
    void bairdKernelsAgreeOnTheSevenStatesAndOnABatchOf140Pairs() {
        double[][] phi = BairdFeatures.features();
        for (int copies : new int[] {1, 20}) { // 7 pairs (full decomposition) and 140 pairs (rank 7: singular)
            double[][] x = new double[7 * copies][];
            double[][] next = new double[7 * copies][];
            for (int i = 0; i < x.length; i++) {
                x[i] = phi[i % 7];
                next[i] = phi[6]; // the target policy always goes to the lower state
            }
            StabilityMetrics fast = assertAgree(Matrices.gram(x), Matrices.gram(next, x), 0.99);
            // docs/math.md#baird: SEEM / 7 = +0.2393 on the seven states; the batch of 140 repeats them 20 times
            assertThat(fast.seem() / x.length).isBetween(0.2393 - 5e-5, 0.2393 + 5e-5);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void cartpoleKernelsOfTheDefaultNetworkAgreeAndAreCertifiedWithoutFallback(long seed) {
        MultiLayerNetwork net = DenseNets.dense(seed, DataType.DOUBLE, Activation.RELU, 4, 2, 100, 100, 100);
        CartpoleTransitions t = CartpoleTransitions.randomPolicy(256, seed);
        double[][][] kernels = kernels(net, t);
        double[][] k = kernels[0];
        double[][] kNext = kernels[1];
        assertAgree(k, kNext, 0.99);
        // the Krylov estimates themselves were certified (not the full-decomposition fallback)
        int n = k.length;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = 0.99 * kNext[i][j] - k[i][j];
            }
        }
        double frob = Math.sqrt(java.util.Arrays.stream(m).map(v -> v * v).sum());
        assertThat(Arnoldi.rightmostRealPart(m, n, Seem.MAX_STEPS, Seem.RESIDUAL_TOLERANCE * frob)).isFinite();
        assertThat(Lanczos.largest((x, y) -> multiply(k, x, y), n, KernelSpectrum.MAX_STEPS,
                KernelSpectrum.RELATIVE_TOLERANCE)).isFinite();
    }

    @Test
    void preconditionedCartpoleKernelsAgree() { // PreQN: N K (K + lambda I)^{-1}, nearly a multiple of I
        MultiLayerNetwork net = DenseNets.dense(7, DataType.DOUBLE, Activation.RELU, 4, 2, 100, 100, 100);
        double[][][] kernels = kernels(net, CartpoleTransitions.randomPolicy(128, 7));
        StabilityMetrics fast = StabilityMetrics.ofPreconditioned(kernels[0], kernels[1], 1e-6, 0.99, 1e-3,
                EigenvalueMethod.KRYLOV);
        StabilityMetrics ref = StabilityMetrics.ofPreconditioned(kernels[0], kernels[1], 1e-6, 0.99, 1e-3,
                EigenvalueMethod.FULL_DECOMPOSITION);
        assertSame(fast, ref, frobenius(kernels[0], kernels[1], 0.99, 1e-6));
    }

    @Test
    void arnoldiReportsNaNWhenItCannotCertifyAndSeemStillAgrees() {
        Random r = new Random(3);
        double[][] g = gaussian(r, 80, 90);
        double[][] k = Matrices.gram(g);
        double[][] kNext = Matrices.gram(nextRows(r, g, 0.1, 0.0), g);
        int n = k.length;
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = 0.99 * kNext[i][j] - k[i][j];
            }
        }
        assertThat(Arnoldi.rightmostRealPart(m, n, 2, 0.0)).isNaN(); // two steps certify nothing
        assertThat(Arnoldi.rightmostRealPart(m, n, n, 0.0)).isNaN(); // a zero tolerance certifies nothing
        assertAgree(k, kNext, 0.99); // and Seem's result is the reference's either way
    }

    /** Both methods on (k, kNext); asserts agreement and returns the Krylov metrics. */
    private static StabilityMetrics assertAgree(double[][] k, double[][] kNext, double gamma) {
        StabilityMetrics fast = StabilityMetrics.of(k, kNext, gamma, 1e-3, EigenvalueMethod.KRYLOV);
        StabilityMetrics ref = StabilityMetrics.of(k, kNext, gamma, 1e-3, EigenvalueMethod.FULL_DECOMPOSITION);
        assertSame(fast, ref, frobenius(k, kNext, gamma, Double.NaN));
        return fast;
    }

    private static void assertSame(StabilityMetrics fast, StabilityMetrics ref, double seemScale) {
        double eigFloor = 1e-12 * Math.abs(ref.eigMax());
        assertClose("eigMax", fast.eigMax(), ref.eigMax(), eigFloor);
        assertClose("eigMin", fast.eigMin(), ref.eigMin(), eigFloor);
        assertClose("1 / cond", inverse(fast.conditionNumber()), inverse(ref.conditionNumber()), 1e-12);
        assertClose("seem", fast.seem(), ref.seem(), 1e-10 * seemScale);
        assertClose("seemNormalized", fast.seemNormalized(), ref.seemNormalized(), 1e-10);
        // everything else is the same O(N^2) code on the same kernel
        assertThat(fast.rowRatios()).isEqualTo(ref.rowRatios());
        assertThat(fast.beta()).isEqualTo(ref.beta());
        assertThat(fast.fraction16()).isEqualTo(ref.fraction16());
        assertThat(fast.fraction17()).isEqualTo(ref.fraction17());
        assertThat(fast.diagMean()).isEqualTo(ref.diagMean());
    }

    private static void assertClose(String name, double actual, double reference, double floor) {
        assertThat(actual).as(name).isFinite();
        assertThat(Math.abs(actual - reference)).as("%s: %s against the reference %s", name, actual, reference)
                .isLessThanOrEqualTo(RELATIVE * Math.abs(reference) + floor);
    }

    private static double inverse(double cond) {
        return Double.isInfinite(cond) ? 0.0 : 1.0 / cond;
    }

    /** ||gamma K(X*, X) - K||_F, or of the preconditioned SEEM matrix when damping is not NaN. */
    private static double frobenius(double[][] k, double[][] kNext, double gamma, double damping) {
        double[][] a = k;
        double[][] b = kNext;
        if (!Double.isNaN(damping)) {
            DampedKernel d = DampedKernel.of(k, damping);
            a = d.preconditioned(k);
            b = d.preconditioned(kNext);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                double v = gamma * b[i][j] - a[i][j];
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** K and K(X*, X) of the network on the transitions, as the listener's probe forms them. */
    private static double[][][] kernels(MultiLayerNetwork net, CartpoleTransitions t) {
        INDArray s = Nd4j.create(t.states());
        INDArray next = Nd4j.create(t.nextStates());
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        EmpiricalNtk.Prepared x = ntk.prepare(s, t.actions());
        double[][] qNext = net.output(next, false).toDoubleMatrix();
        return new double[][][] {x.gram(), NextStateKernel.of(x, next, qNext, t.terminal())};
    }

    private static double[][] gaussian(Random r, int rows, int cols) {
        double[][] g = new double[rows][cols];
        for (double[] row : g) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return g;
    }

    /** Next-pair gradients: each row moved by noise of the given size; a fraction of rows zero (terminal). */
    private static double[][] nextRows(Random r, double[][] g, double noise, double terminalFraction) {
        double[][] out = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = new double[g[i].length];
            if (r.nextDouble() < terminalFraction) {
                continue;
            }
            for (int j = 0; j < g[i].length; j++) {
                out[i][j] = g[(i + 1) % g.length][j] + noise * r.nextGaussian();
            }
        }
        return out;
    }

    private static void multiply(double[][] k, double[] x, double[] y) {
        for (int i = 0; i < k.length; i++) {
            double s = 0;
            for (int j = 0; j < k.length; j++) {
                s += k[i][j] * x[j];
            }
            y[i] = s;
        }
    }
}
