package dev.rl4j.lab.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The study's chart, one PNG of four panels with one line per activation: (a) mean row ratio vs depth at the
 * largest width, (b) mean row ratio vs width at the largest depth, (c) mean diagonal vs width at the smallest depth,
 * (d) mean diagonal vs depth at the largest width. All axes are linear (the ranges are narrow; log axes lost their tick labels). Written with XChart
 * in headless mode ({@code java.awt.headless=true} is set before drawing).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param grid  the study grid
 * @param cells one cell per (activation, width, depth) of the grid
 */
public record StudyChart(StudyGrid grid, List<StudyCell> cells) {

    private static final int PANEL_WIDTH = 560;
    private static final int PANEL_HEIGHT = 400;

    /** Copies the cell list. */
    public StudyChart {
        cells = List.copyOf(cells);
    }

    /** Writes the four panels to {@code png} (a 2 x 2 grid of charts), replacing any existing file. */
    public void write(Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int[] widths = grid.widths();
        int[] depths = grid.depths();
        int wMax = widths[widths.length - 1];
        int dMax = depths[depths.length - 1];
        int dMin = depths[0];
        List<XYChart> charts = new ArrayList<>();
        charts.add(panel("(a) row ratio vs depth, width " + wMax, "hidden layers", "mean row ratio R", false, false,
                depths, (a, d) -> StudyClaims.find(cells, a, wMax, d).rowRatioMean()));
        charts.add(panel("(b) row ratio vs width, depth " + dMax, "hidden width", "mean row ratio R", false, false,
                widths, (a, w) -> StudyClaims.find(cells, a, w, dMax).rowRatioMean()));
        charts.add(panel("(c) diagonal vs width, depth " + dMin, "hidden width", "mean K_ii", false, false,
                widths, (a, w) -> StudyClaims.find(cells, a, w, dMin).diagMean()));
        charts.add(panel("(d) diagonal vs depth, width " + wMax, "hidden layers", "mean K_ii", false, false,
                depths, (a, d) -> StudyClaims.find(cells, a, wMax, d).diagMean()));
        String name = png.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(charts, 2, 2, base, BitmapEncoder.BitmapFormat.PNG);
    }

    private interface CellValue {
        double at(String activation, int x);
    }

    private XYChart panel(String title, String xTitle, String yTitle, boolean logX, boolean logY, int[] xs,
            CellValue value) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisDecimalPattern("0");
        double[] x = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            x[i] = xs[i];
        }
        for (String a : grid.activations()) {
            double[] y = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                y[i] = value.at(a, xs[i]);
            }
            chart.addSeries(a, x, y);
        }
        return chart;
    }
}
