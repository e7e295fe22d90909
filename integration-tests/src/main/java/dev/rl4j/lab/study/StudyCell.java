package dev.rl4j.lab.study;

import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One cell of the NTK architecture study: K of a dense ReLU/tanh/sin Q-network (4 inputs, {@code depth} hidden
 * layers of {@code width} units, 2 outputs) on the study's CartPole pairs, averaged over random initialisations.
 * Statistics come from {@link dev.rl4j.ntk.StabilityMetrics}; the row ratio is R_i(K) = (1/N) sum_{j != i} |K_ij| / K_ii
 * (docs/math.md#contraction, printed with 1/N as the paper does).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param activation       hidden activation name
 * @param width            hidden width, >= 1
 * @param depth            hidden layers, >= 1
 * @param seeds            initialisations averaged, >= 1
 * @param params           trainable parameters P of the network
 * @param diagMean         mean over seeds of mean_i K_ii, > 0
 * @param diagSd           sample standard deviation over seeds of mean_i K_ii (0 with one seed)
 * @param rowRatioMean     mean over seeds of mean_i R_i, >= 0
 * @param rowRatioSd       sample standard deviation over seeds of mean_i R_i (0 with one seed)
 * @param rowRatioMedian   mean over seeds of median_i R_i
 * @param rowRatioMax      mean over seeds of max_i R_i
 * @param eigFallbacks     seeds (0..seeds) whose K made {@link StabilityMetrics#of} fail in commons-math's eigen
 *                         solver ("convergence failed" on near-singular K); their diagonal and row-ratio statistics
 *                         were computed directly from K with the same formulas (they need no eigenvalues)
 */
record StudyCell(String activation, int width, int depth, int seeds, long params,
        double diagMean, double diagSd, double rowRatioMean, double rowRatioSd,
        double rowRatioMedian, double rowRatioMax, int eigFallbacks) {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StudyCell.class);

    /** Columns of {@code table.csv}, in order. */
    public static final List<String> CSV_COLUMNS = List.of("activation", "width", "depth", "seeds", "params",
            "diag_mean", "diag_sd", "row_ratio_mean", "row_ratio_sd", "row_ratio_median", "row_ratio_max",
            "eig_fallbacks");

    /** This cell as one CSV row matching {@link #CSV_COLUMNS}; statistics with 10 significant digits. */
    public List<Object> csvValues() {
        return List.of(activation, width, depth, seeds, params, g10(diagMean), g10(diagSd), g10(rowRatioMean),
                g10(rowRatioSd), g10(rowRatioMedian), g10(rowRatioMax), eigFallbacks);
    }

    private static String g10(double x) {
        return String.format(Locale.ROOT, "%.10g", x);
    }

    /** gamma and alpha handed to {@link StabilityMetrics}; the row ratio and diagonal do not depend on them. */
    private static final double GAMMA = 0.99;
    private static final double ALPHA = 1.0;

    /**
     * Measures one cell: builds {@code seeds} networks 4-width^depth-2 (Xavier init, double precision, seeds
     * {@code firstSeed, firstSeed+1, ...}), computes K on the pairs and averages the statistics over seeds.
     *
     * @param states  N x 4 CartPole states
     * @param actions N actions in {0, 1}
     */
    public static StudyCell measure(String activation, int width, int depth, int seeds, long firstSeed,
            INDArray states, int[] actions) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be >= 1, got " + seeds);
        }
        int[] widths = new int[depth + 2];
        java.util.Arrays.fill(widths, width);
        widths[0] = (int) states.size(1);
        widths[depth + 1] = 2;
        NetSpec spec = new NetSpec(widths);
        double[] diag = new double[seeds];
        double[] ratio = new double[seeds];
        double median = 0;
        double max = 0;
        long params = 0;
        int fallbacks = 0;
        for (int s = 0; s < seeds; s++) {
            MultiLayerNetwork net = spec.build(firstSeed + s, DataType.DOUBLE, LabOptions.activation(activation));
            params = net.numParams();
            double[][] k = EmpiricalNtk.of(net).gram(states, actions);
            double[] stats;
            try {
                StabilityMetrics m = StabilityMetrics.of(k, GAMMA, ALPHA);
                stats = new double[] {m.diagMean(), m.rowRatioMean(), m.rowRatioMedian(), m.rowRatioMax()};
            } catch (ArithmeticException e) { // LAPACK failure: kept as a guard, not seen since the switch from commons-math
                fallbacks++;
                log.warn("StabilityMetrics failed on K of activation={} width={} depth={} seed={} N={} ({}); "
                        + "diagonal and row ratios computed directly", activation, width, depth, firstSeed + s,
                        k.length, e.getMessage());
                stats = directStats(k);
            }
            diag[s] = stats[0];
            ratio[s] = stats[1];
            median += stats[2] / seeds;
            max += stats[3] / seeds;
        }
        return new StudyCell(activation, width, depth, seeds, params, mean(diag), sd(diag), mean(ratio), sd(ratio),
                median, max, fallbacks);
    }

    /** {diag mean, row ratio mean, median (nearest rank), max}, the formulas of {@link StabilityMetrics}. */
    static double[] directStats(double[][] k) {
        int n = k.length;
        double[] r = new double[n];
        double diag = 0;
        for (int i = 0; i < n; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                off += j != i ? Math.abs(k[i][j]) : 0.0;
            }
            r[i] = off / n / k[i][i]; // R_i(K) = (1/N) sum_{j != i} |K_ij| / K_ii
            diag += k[i][i] / n;
        }
        double[] sorted = r.clone();
        java.util.Arrays.sort(sorted);
        int med = Math.max(0, (int) Math.ceil(0.5 * n) - 1);
        return new double[] {diag, mean(r), sorted[med], sorted[n - 1]};
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Sample standard deviation; 0 for a single value. */
    private static double sd(double[] x) {
        if (x.length < 2) {
            return 0.0;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (x.length - 1));
    }
}
