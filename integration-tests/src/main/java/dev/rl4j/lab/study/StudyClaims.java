package dev.rl4j.lab.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's claims about the shape of the NTK (Achiam et al. 2019, section on the NTK of deep nets;
 * docs/math.md#ntk-shape), checked on a study's cells. Every claim is a {@link Boolean} that is {@code null} when
 * the grid cannot test it (e.g. relu not in the grid, or only one depth).
 *
 * <ul>
 *   <li>{@code reluLargestRowRatio}: relu's row ratio, averaged over every width and depth, exceeds every other
 *       activation's;</li>
 *   <li>{@code sinLowestRowRatio}: sin's averaged row ratio is below every other activation's;</li>
 *   <li>{@code reluLargestDiag}: same for the mean diagonal;</li>
 *   <li>{@code rowRatioGrowsWithDepth}: for EVERY activation, the row ratio (averaged over widths) at the largest
 *       depth exceeds the one at the smallest depth;</li>
 *   <li>{@code diagGrowsWithWidth}: for every activation, the diagonal (averaged over depths) at the largest width
 *       exceeds the one at the smallest width;</li>
 *   <li>{@code diagShrinksWithDepth}: for every activation, the diagonal (averaged over widths) at the largest depth
 *       is below the one at the smallest depth.</li>
 * </ul>
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param grid                   the grid the cells were measured on
 * @param perActivation          per activation, in grid order: its {@link ActivationSummary}
 * @param reluLargestRowRatio    see above; null without relu or with a single activation
 * @param sinLowestRowRatio      see above; null without sin or with a single activation
 * @param reluLargestDiag        see above; null without relu or with a single activation
 * @param rowRatioGrowsWithDepth see above; null with a single depth
 * @param diagGrowsWithWidth     see above; null with a single width
 * @param diagShrinksWithDepth   see above; null with a single depth
 */
public record StudyClaims(StudyGrid grid, Map<String, ActivationSummary> perActivation,
        Boolean reluLargestRowRatio, Boolean sinLowestRowRatio, Boolean reluLargestDiag,
        Boolean rowRatioGrowsWithDepth, Boolean diagGrowsWithWidth, Boolean diagShrinksWithDepth) {

    /**
     * One activation's averages.
     *
     * <p>Stability: experimental. @since 0.1
     *
     * @param rowRatioMean    mean row ratio over all its cells
     * @param diagMean        mean diagonal over all its cells
     * @param rowRatioByDepth row ratio per depth (grid order, ascending), averaged over widths
     * @param diagByDepth     diagonal per depth, averaged over widths
     * @param diagByWidth     diagonal per width (ascending), averaged over depths
     * @param rowRatioByWidth row ratio per width, averaged over depths
     */
    public record ActivationSummary(double rowRatioMean, double diagMean, double[] rowRatioByDepth,
            double[] diagByDepth, double[] diagByWidth, double[] rowRatioByWidth) {

        /** Row ratio at the largest depth above the one at the smallest; null with one depth. */
        public Boolean rowRatioGrowsWithDepth() {
            return rowRatioByDepth.length < 2 ? null : last(rowRatioByDepth) > rowRatioByDepth[0];
        }

        /** Diagonal at the largest width above the one at the smallest; null with one width. */
        public Boolean diagGrowsWithWidth() {
            return diagByWidth.length < 2 ? null : last(diagByWidth) > diagByWidth[0];
        }

        /** Diagonal at the largest depth below the one at the smallest; null with one depth. */
        public Boolean diagShrinksWithDepth() {
            return diagByDepth.length < 2 ? null : last(diagByDepth) < diagByDepth[0];
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row_ratio_mean", rowRatioMean);
            m.put("diag_mean", diagMean);
            m.put("row_ratio_by_depth", rowRatioByDepth);
            m.put("row_ratio_by_width", rowRatioByWidth);
            m.put("diag_by_depth", diagByDepth);
            m.put("diag_by_width", diagByWidth);
            m.put("row_ratio_grows_with_depth", rowRatioGrowsWithDepth());
            m.put("diag_grows_with_width", diagGrowsWithWidth());
            m.put("diag_shrinks_with_depth", diagShrinksWithDepth());
            return m;
        }
    }

    /** Evaluates the claims on the cells of {@code grid} (one cell per activation, width and depth). */
    public static StudyClaims of(StudyGrid grid, List<StudyCell> cells) {
        int[] widths = grid.widths();
        int[] depths = grid.depths();
        Map<String, ActivationSummary> per = new LinkedHashMap<>();
        for (String a : grid.activations()) {
            double[] rByD = new double[depths.length];
            double[] dByD = new double[depths.length];
            double[] dByW = new double[widths.length];
            double[] rByW = new double[widths.length];
            double rAll = 0;
            double dAll = 0;
            for (int wi = 0; wi < widths.length; wi++) {
                for (int di = 0; di < depths.length; di++) {
                    StudyCell c = find(cells, a, widths[wi], depths[di]);
                    rByD[di] += c.rowRatioMean() / widths.length;
                    dByD[di] += c.diagMean() / widths.length;
                    dByW[wi] += c.diagMean() / depths.length;
                    rByW[wi] += c.rowRatioMean() / depths.length;
                    rAll += c.rowRatioMean() / (widths.length * depths.length);
                    dAll += c.diagMean() / (widths.length * depths.length);
                }
            }
            per.put(a, new ActivationSummary(rAll, dAll, rByD, dByD, dByW, rByW));
        }
        boolean several = per.size() > 1;
        Boolean reluRow = several && per.containsKey("relu")
                ? extreme(per, "relu", true, ActivationSummary::rowRatioMean) : null;
        Boolean sinRow = several && per.containsKey("sin")
                ? extreme(per, "sin", false, ActivationSummary::rowRatioMean) : null;
        Boolean reluDiag = several && per.containsKey("relu")
                ? extreme(per, "relu", true, ActivationSummary::diagMean) : null;
        Boolean growsDepth = depths.length < 2 ? null
                : per.values().stream().allMatch(ActivationSummary::rowRatioGrowsWithDepth);
        Boolean diagWidth = widths.length < 2 ? null
                : per.values().stream().allMatch(ActivationSummary::diagGrowsWithWidth);
        Boolean diagDepth = depths.length < 2 ? null
                : per.values().stream().allMatch(ActivationSummary::diagShrinksWithDepth);
        return new StudyClaims(grid, per, reluRow, sinRow, reluDiag, growsDepth, diagWidth, diagDepth);
    }

    /** The claims as nested JSON-ready maps, keys in snake case. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("relu_largest_row_ratio", reluLargestRowRatio);
        m.put("sin_lowest_row_ratio", sinLowestRowRatio);
        m.put("relu_largest_diag", reluLargestDiag);
        m.put("row_ratio_grows_with_depth", rowRatioGrowsWithDepth);
        m.put("diag_grows_with_width", diagGrowsWithWidth);
        m.put("diag_shrinks_with_depth", diagShrinksWithDepth);
        Map<String, Object> per = new LinkedHashMap<>();
        perActivation.forEach((k, v) -> per.put(k, v.toJson()));
        m.put("by_activation", per);
        return m;
    }

    static StudyCell find(List<StudyCell> cells, String activation, int width, int depth) {
        return cells.stream()
                .filter(c -> c.activation().equals(activation) && c.width() == width && c.depth() == depth)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cell for activation=" + activation + ", width="
                        + width + ", depth=" + depth));
    }

    private static boolean extreme(Map<String, ActivationSummary> per, String name, boolean largest,
            java.util.function.ToDoubleFunction<ActivationSummary> f) {
        double v = f.applyAsDouble(per.get(name));
        return per.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .allMatch(e -> largest ? v > f.applyAsDouble(e.getValue()) : v < f.applyAsDouble(e.getValue()));
    }

    private static double last(double[] x) {
        return x[x.length - 1];
    }
}
