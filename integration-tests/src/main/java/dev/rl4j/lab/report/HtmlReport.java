package dev.rl4j.lab.report;

import dev.rl4j.diagnostics.ProbeMeasurement;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.ntk.StabilityMetrics;
import dev.rl4j.provenance.Provenance;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes one self-contained HTML file (no network fetch: every chart is a PNG embedded as a data URI) with learning
 * curves, max|Q| against the soft-divergence bound, row ratio, beta(K), SEEM, a findings timeline and heatmaps of the
 * normalised kernel K_ij / sqrt(K_ii K_jj) at the first and last probe of each run.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class HtmlReport {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;

    private HtmlReport() {
    }

    /**
     * Renders the report.
     *
     * @param file     the HTML file to write (parent directories are created)
     * @param title    page title
     * @param settings   every setting of the run, echoed in a table at the top
     * @param provenance versions, Java, OS, git commit and full settings, in a "Provenance" table of key/value rows
     *                   ({@link Provenance#toTable()}) after the charts
     * @param runs       the runs to draw, at least one
     * @return {@code file}
     */
    public static Path write(Path file, String title, Map<String, String> settings, Provenance provenance,
            List<RunSeries> runs) {
        return write(file, title, settings, Map.of(), provenance, runs);
    }

    /**
     * As {@link #write(Path, String, Map, Provenance, List)} with a "Measured results" table after the settings (rows
     * the caller computed in the run; omitted when empty). Runs with greedy evaluations add a chart of greedy return
     * and max|Q| over training; runs with PreQN update telemetry add charts of line-search outcomes, step fraction,
     * cond(K) and skipped updates over time.
     *
     * @param results measured figures, echoed in order
     */
    public static Path write(Path file, String title, Map<String, String> settings, Map<String, String> results,
            Provenance provenance, List<RunSeries> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("runs must not be empty");
        }
        StringBuilder html = open(title, settings);
        if (!results.isEmpty()) {
            html.append("<h2>Measured results</h2><p>Every figure below was computed in this run.</p>"
                    + "<table class=\"results\">");
            table(html, results);
        }
        section(html, "Learning curves", "Episode return (thin) and mean of the last 100 episodes (thick).",
                learningCurves(runs));
        if (runs.stream().anyMatch(r -> !r.greedy().isEmpty())) {
            section(html, "Greedy evaluations",
                    "Mean return of greedy episodes on a separate environment during and after training (top), and "
                            + "max|Q| over a fixed set of states against the soft-divergence bound at the same points "
                            + "(bottom).",
                    greedyChart(runs, "greedy return", false, RunSeries.Greedy::meanReturn),
                    greedyChart(runs, "max|Q| (greedy evaluation)", true, RunSeries.Greedy::maxAbsQ));
        }
        if (runs.stream().anyMatch(r -> !r.updates().isEmpty())) {
            section(html, "PreQN line search and skipped updates",
                    "Fraction of the updates in each sampling window whose line search found no trial with "
                            + "cos >= eta, that were skipped on non-finite input, or whose solve failed.",
                    updateChart(runs, "fraction of updates", false,
                            Map.of("line search failed", RunSeries.UpdateSample::lineSearchFailRate,
                                    "skipped (non-finite)", RunSeries.UpdateSample::skippedRate,
                                    "solve failed", RunSeries.UpdateSample::solveFailedRate)));
            section(html, "PreQN step fraction and trials",
                    "The sampled update's kept step fraction c^k (0: theta unchanged) and its number of trial "
                            + "steps (eq. 21), one update per sampling window.",
                    updateChart(runs, "step fraction", false,
                            Map.of("step fraction c^k", RunSeries.UpdateSample::stepFraction)),
                    updateChart(runs, "trials", false,
                            Map.of("trials", u -> u.trials())));
            section(html, "PreQN cond(K + lambda I) and TD error closed",
                    "The sampled update's condition number of the damped kernel (log scale) and the fraction of "
                            + "its batch's TD error the kept step removed (alpha for tabular PreQN).",
                    updateChart(runs, "cond(K + lambda I)", true,
                            Map.of("cond", RunSeries.UpdateSample::conditionNumber)),
                    updateChart(runs, "TD error closed", false,
                            Map.of("td closed", RunSeries.UpdateSample::tdClosed)));
        }
        section(html, "max|Q| against the soft-divergence bound",
                "Soft divergence (van Hasselt et al. 2018): max|Q| on the probe batch above r_max / (1 - gamma).",
                probeChart(runs, "max|Q|", true, m -> m.q().maxAbs(), m -> m.q().softBound(), "bound r_max/(1-gamma)"));
        section(html, "Row ratio of the NTK", "max_i R_i(K); eq. 17 with rho uniform needs R_i <= (1-gamma)/(1+gamma).",
                probeChart(runs, "max row ratio", true, m -> m.kernelMetric(StabilityMetrics::rowRatioMax),
                        ProbeMeasurement::rowRatioBound, "eq. 17 bound"));
        section(html, "Contraction modulus beta(K)", "Thm. 2: beta < 1 means the linearised update is a contraction.",
                probeChart(runs, "beta", false, m -> m.kernelMetric(StabilityMetrics::beta), m -> 1.0, "beta = 1"));
        section(html, "SEEM", "Largest real eigenvalue of gamma K(X*,X) - K(X,X); positive means self-exciting.",
                probeChart(runs, "SEEM", false, m -> m.kernelMetric(StabilityMetrics::seem), m -> 0.0, "0"));
        section(html, "Findings timeline", "Findings active at each probe.", findingsTimeline(runs));
        for (RunSeries run : runs) {
            if (run.firstKernel() != null) {
                section(html, "Normalised NTK, " + run.name(),
                        "K_ij / sqrt(K_ii K_jj) on a fixed batch of CartPole states (a random-policy rollout, each "
                                + "paired with the action taken): before training (top) and after (bottom).",
                        heatmap(run.name() + ", before training", run.firstKernel()),
                        heatmap(run.name() + ", after training", run.lastKernel()));
            }
        }
        return close(html, provenance, file);
    }

    /**
     * A table of a report page.
     *
     * @param heading the section heading
     * @param caption one sentence under it
     * @param header  column names
     * @param rows    rows of cells, each as long as {@code header}
     */
    public record Table(String heading, String caption, List<String> header, List<List<String>> rows) {

        /** Copies the lists and checks the row widths. */
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != header.size()) {
                    throw new IllegalArgumentException("every row must have " + header.size() + " cells, got " + r);
                }
            }
        }
    }

    /**
     * A report page of one chart and tables (the calibration report): the settings table, the chart, the tables in
     * order, then the provenance table.
     *
     * @param file         the HTML file to write (parent directories are created)
     * @param title        page title
     * @param settings     every setting, echoed at the top
     * @param chartHeading heading of the chart's section
     * @param chartCaption one sentence under it
     * @param chart        the chart (XChart)
     * @param tables       tables after the chart
     * @param provenance   what produced the page
     * @return {@code file}
     */
    public static Path writePage(Path file, String title, Map<String, String> settings, String chartHeading,
            String chartCaption, Chart<?, ?> chart, List<Table> tables, Provenance provenance) {
        StringBuilder html = open(title, settings);
        section(html, chartHeading, chartCaption, chart);
        for (Table t : tables) {
            html.append("<h2>").append(escape(t.heading())).append("</h2><p>").append(escape(t.caption()))
                    .append("</p><table><tr>");
            t.header().forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
            html.append("</tr>");
            for (List<String> row : t.rows()) {
                html.append("<tr>");
                row.forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
                html.append("</tr>");
            }
            html.append("</table>");
        }
        return close(html, provenance, file);
    }

    /** The page head, the title and the settings table. */
    private static StringBuilder open(String title, Map<String, String> settings) {
        System.setProperty("java.awt.headless", "true");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 8px;"
                        + "text-align:left}img{display:block;margin:1em 0;border:1px solid #eee}"
                        + "h2{margin-top:2em;border-bottom:1px solid #ddd}</style></head><body>");
        html.append("<h1>").append(escape(title)).append("</h1>");
        html.append("<table>");
        table(html, settings);
        return html;
    }

    /** The provenance table and the end of the page; writes the file. */
    private static Path close(StringBuilder html, Provenance provenance, Path file) {
        html.append("<h2>Provenance</h2><p>What produced this report (also in the JSON line and in each data "
                + "file's sidecar &lt;file&gt;.provenance.json).</p><table class=\"provenance\">");
        table(html, provenance.toTable());
        html.append("</body></html>");
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file, e);
        }
        return file;
    }

    /** Key/value rows, then the end of the table. */
    private static void table(StringBuilder html, Map<String, String> rows) {
        for (Map.Entry<String, String> e : rows.entrySet()) {
            html.append("<tr><th>").append(escape(e.getKey())).append("</th><td>").append(escape(e.getValue()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void section(StringBuilder html, String heading, String caption, Chart<?, ?>... charts) {
        html.append("<h2>").append(escape(heading)).append("</h2><p>").append(escape(caption)).append("</p>");
        for (Chart<?, ?> chart : charts) {
            if (chart == null) {
                html.append("<p><em>no data</em></p>");
                continue;
            }
            try {
                byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                html.append("<img alt=\"").append(escape(chart.getTitle())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(png)).append("\">");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot render chart " + chart.getTitle(), e);
            }
        }
    }

    private static XYChart learningCurves(List<RunSeries> runs) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Learning curves")
                .xAxisTitle("environment steps").yAxisTitle("episode return").build();
        boolean any = false;
        for (RunSeries run : runs) {
            if (run.episodes().isEmpty()) {
                continue;
            }
            any = true;
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> mean = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < run.episodes().size(); i++) {
                RunSeries.Episode e = run.episodes().get(i);
                x.add((double) e.step());
                y.add(e.reward());
                sum += e.reward();
                if (i >= 100) {
                    sum -= run.episodes().get(i - 100).reward();
                }
                mean.add(sum / Math.min(i + 1, 100));
            }
            XYSeries raw = chart.addSeries(run.name() + " return", x, y);
            raw.setMarker(SeriesMarkers.NONE);
            raw.setLineWidth(0.6f);
            XYSeries avg = chart.addSeries(run.name() + " mean of last 100", x, mean);
            avg.setMarker(SeriesMarkers.NONE);
            avg.setLineWidth(2.5f);
        }
        return any ? chart : null;
    }

    private interface Metric {
        double of(ProbeMeasurement m);
    }

    private static XYChart probeChart(List<RunSeries> runs, String yTitle, boolean log, Metric metric, Metric reference,
            String referenceName) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(yTitle).xAxisTitle("environment steps")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(log);
        boolean any = false;
        List<Double> refX = new ArrayList<>();
        List<Double> refY = new ArrayList<>();
        for (RunSeries run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ProbeRecord p : run.probes()) {
                ProbeMeasurement m = p.measurement();
                double v = metric.of(m);
                if (Double.isFinite(v) && (!log || v > 0)) {
                    x.add((double) m.step());
                    y.add(v);
                }
                double r = reference.of(m);
                if (Double.isFinite(r) && (!log || r > 0)) {
                    refX.add((double) m.step());
                    refY.add(r);
                }
            }
            if (!x.isEmpty()) {
                any = true;
                chart.addSeries(run.name(), x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (!any) {
            return null;
        }
        if (!refX.isEmpty()) {
            // one reference line over the probed range (the bound may differ between runs: draw its sorted points)
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < refX.size(); i++) {
                pts.add(new double[] {refX.get(i), refY.get(i)});
            }
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            XYSeries ref = chart.addSeries(referenceName, pts.stream().map(p -> p[0]).toList(),
                    pts.stream().map(p -> p[1]).toList());
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineColor(Color.GRAY);
        }
        return chart;
    }

    private static XYChart greedyChart(List<RunSeries> runs, String yTitle, boolean log,
            ToDoubleFunction<RunSeries.Greedy> metric) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(yTitle).xAxisTitle("environment steps")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(log);
        boolean any = false;
        TreeMap<Double, Double> bound = new TreeMap<>();
        for (RunSeries run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (RunSeries.Greedy g : run.greedy()) {
                double v = metric.applyAsDouble(g);
                if (Double.isFinite(v) && (!log || v > 0)) {
                    x.add((double) g.step());
                    y.add(v);
                }
                if (log && Double.isFinite(g.qBound()) && g.qBound() > 0) {
                    bound.merge((double) g.step(), g.qBound(), Math::max);
                }
            }
            if (!x.isEmpty()) {
                any = true;
                chart.addSeries(run.name(), x, y).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        if (!any) {
            return null;
        }
        if (!bound.isEmpty()) {
            XYSeries ref = chart.addSeries("bound r_max*rewardFactor/(1-gamma)", new ArrayList<>(bound.keySet()),
                    new ArrayList<>(bound.values()));
            ref.setMarker(SeriesMarkers.NONE);
            ref.setLineColor(Color.GRAY);
        }
        return chart;
    }

    private static XYChart updateChart(List<RunSeries> runs, String yTitle, boolean log,
            Map<String, ToDoubleFunction<RunSeries.UpdateSample>> metrics) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(yTitle).xAxisTitle("environment steps")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(log);
        boolean any = false;
        for (RunSeries run : runs) {
            for (Map.Entry<String, ToDoubleFunction<RunSeries.UpdateSample>> e : new TreeMap<>(metrics).entrySet()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (RunSeries.UpdateSample u : run.updates()) {
                    double v = e.getValue().applyAsDouble(u);
                    if (Double.isFinite(v) && (!log || v > 0)) {
                        x.add((double) u.step());
                        y.add(v);
                    }
                }
                if (!x.isEmpty()) {
                    any = true;
                    XYSeries line = chart.addSeries(metrics.size() == 1 ? run.name() : run.name() + " " + e.getKey(),
                            x, y);
                    line.setMarker(SeriesMarkers.NONE);
                    line.setLineWidth(1.2f);
                }
            }
        }
        return any ? chart : null;
    }

    private static XYChart findingsTimeline(List<RunSeries> runs) {
        TreeSet<String> names = new TreeSet<>();
        for (RunSeries run : runs) {
            run.probes().forEach(p -> names.addAll(activeKinds(p)));
        }
        if (names.isEmpty()) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(160).title("Findings: none fired")
                    .xAxisTitle("environment steps").build();
            chart.addSeries("no findings", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            return chart;
        }
        List<String> levels = new ArrayList<>(names);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(120 + 40 * levels.size())
                .title("Findings: " + String.join(", ", levels.stream().map(n -> (levels.indexOf(n) + 1) + "=" + n).toList()))
                .xAxisTitle("environment steps").yAxisTitle("finding #").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisMin(0.5);
        chart.getStyler().setYAxisMax(levels.size() + 0.5);
        int offset = 0;
        for (RunSeries run : runs) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (ProbeRecord p : run.probes()) {
                for (String f : activeKinds(p)) {
                    x.add((double) p.measurement().step());
                    y.add(levels.indexOf(f) + 1 + 0.1 * offset);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(run.name(), x, y);
            }
            offset++;
        }
        return chart;
    }

    private static List<String> activeKinds(ProbeRecord p) {
        return p.activeKinds().stream().map(Enum::name).toList();
    }

    private static HeatMapChart heatmap(String title, double[][] k) {
        if (k == null) {
            return null;
        }
        int n = Math.min(k.length, 64); // the leading 64 x 64 block keeps the picture readable
        HeatMapChart chart = new HeatMapChartBuilder().width(440).height(400).title(title).build();
        chart.getStyler().setShowValue(false);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)});
        chart.getStyler().setMin(-1.0);
        chart.getStyler().setMax(1.0);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.sqrt(k[i][i] * k[j][j]);
                cells.add(new Number[] {i, j, d > 0 ? k[i][j] / d : 0.0});
            }
        }
        chart.addSeries("K / sqrt(diag diag)", idx, idx, cells);
        return chart;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An ordered settings map, for callers. */
    public static Map<String, String> settings(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings need key/value pairs, got " + keyValues.length + " items");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
        }
        return m;
    }
}
