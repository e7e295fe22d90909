package dev.rl4j.lab.study;

import dev.rl4j.lab.CsvTable;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.Progress;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.SeedOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ntk-study}: the NTK architecture study of Achiam et al. 2019 on CartPole. For every activation, hidden width
 * and depth of the grid it builds {@code --seeds} randomly initialised dense Q-networks (4 inputs, 2 actions, Xavier
 * init, double precision), computes K on {@code --states} CartPole pairs from a seeded random-policy rollout
 * ({@link CartpoleStates}) and averages mean diagonal and mean row ratio over the seeds ({@link StudyCell}).
 *
 * <p>Outputs: a text table on stderr; {@code DIR/table.csv} with the columns of {@link StudyCell#CSV_COLUMNS};
 * {@code DIR/ntk-study.png} ({@link StudyChart}); and one JSON line on stdout with keys {@code study, states, seeds,
 * seed, activations, widths, depths, kernels, elapsed_s, out, csv, chart} and the claims of {@link StudyClaims}
 * ({@code relu_largest_row_ratio, sin_lowest_row_ratio, relu_largest_diag, row_ratio_grows_with_depth,
 * diag_grows_with_width, diag_shrinks_with_depth}, each true/false or null when untestable, and
 * {@code by_activation} with the numbers behind them) and {@code settings} (every option).
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "ntk-study", mixinStandardHelpOptions = true,
        description = "NTK row ratio and diagonal vs activation, width and depth on CartPole states (Achiam et al. "
                + "2019); writes table.csv and ntk-study.png, prints one JSON line.")
public final class NtkStudyCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(NtkStudyCommand.class);

    /** Grid of {@code --quick}: every paper activation on a 2 x 2 grid at a tiny cost, for tests and smoke runs. */
    static final StudyGrid QUICK = new StudyGrid(List.of("relu", "tanh", "sin"), new int[] {8, 16},
            new int[] {1, 2}, 1, 16, 1);

    @Option(names = "--activations", split = ",", defaultValue = "relu,tanh,sin",
            description = "hidden activations, comma-separated: relu, tanh, sin or a DL4J name (default ${DEFAULT-VALUE})")
    List<String> activations;

    @Option(names = "--widths", split = ",", defaultValue = "32,64,128,256",
            description = "hidden widths, comma-separated, each in [1, 4096] (default ${DEFAULT-VALUE})")
    int[] widths;

    @Option(names = "--depths", split = ",", defaultValue = "1,2,3,4",
            description = "numbers of hidden layers, comma-separated, each in [1, 16] (default ${DEFAULT-VALUE})")
    int[] depths;

    @Option(names = "--seeds", defaultValue = "3",
            description = "random initialisations per cell, in [1, 100] (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--states", defaultValue = "200",
            description = "CartPole state-action pairs N, in [2, 2000] (default ${DEFAULT-VALUE})")
    int states;

    /** Seed of the CartPole rollout and of the first network, >= 1. */
    @Mixin
    SeedOption seed = new SeedOption(1);

    /** Directory of table.csv and ntk-study.png. */
    @Mixin
    OutOption outDir = new OutOption("rl4j-lab-out/ntk-study");

    @Option(names = "--quick", description = "tiny grid for tests: relu,tanh,sin x widths 8,16 x depths 1,2, "
            + "1 seed, 16 states; overrides the grid options")
    boolean quick;

    @Mixin
    JsonSummary summary;

    /** The grid these options describe; throws {@link IllegalArgumentException} naming a bad option. */
    StudyGrid grid() {
        long s = seed.get();
        if (s < Integer.MIN_VALUE || s > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--seed must be >= 1 and fit an int, got " + s);
        }
        int seed = (int) s;
        return quick ? new StudyGrid(QUICK.activations(), QUICK.widths(), QUICK.depths(), QUICK.seeds(),
                QUICK.states(), seed)
                : new StudyGrid(activations, widths, depths, seeds, states, seed);
    }

    @Override
    public Integer call() throws IOException {
        StudyGrid grid = grid();
        Path out = outDir.get();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out must be a directory, got the file " + out);
        }
        Files.createDirectories(out);
        long start = System.nanoTime();
        CartpoleStates batch = CartpoleStates.rollout(grid.states(), grid.seed());
        INDArray x = batch.toArray(DataType.DOUBLE);
        int[] a = batch.actions();
        log.info("ntk-study: {} kernels of {} x {} ({})", grid.kernels(), grid.states(), grid.states(), grid);
        List<StudyCell> cells = new ArrayList<>();
        try (Progress progress = Progress.start("ntk-study", grid.kernels(), "kernels")) {
            for (String act : grid.activations()) {
                progress.extraMessage(act);
                for (int depth : grid.depths()) {
                    for (int width : grid.widths()) {
                        StudyCell c = StudyCell.measure(act, width, depth, grid.seeds(), grid.seed(), x, a);
                        log.debug("cell {}", c);
                        cells.add(c);
                        progress.step(grid.seeds());
                    }
                }
                log.info("ntk-study: activation {} done", act);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Path csv = out.resolve("table.csv");
        CsvTable.write(csv, summary.provenance(), StudyCell.CSV_COLUMNS, cells.stream().map(StudyCell::csvValues).toList());
        Path png = out.resolve("ntk-study.png");
        new StudyChart(grid, cells).write(png);
        StudyClaims claims = StudyClaims.of(grid, cells);
        printTable(summary.err(), cells, claims);

        JsonLine json = new JsonLine().put("study", "ntk").put("states", grid.states()).put("seeds", grid.seeds())
                .put("seed", grid.seed()).put("activations", grid.activations()).put("widths", grid.widths())
                .put("depths", grid.depths()).put("kernels", grid.kernels())
                .put("elapsed_s", Math.round(elapsed * 100) / 100.0)
                .put("out", out.toString()).put("csv", csv.toString()).put("chart", png.toString());
        summary.print(json.putAll(claims.toJson()));
        return 0;
    }

    private static void printTable(PrintWriter err, List<StudyCell> cells, StudyClaims f) {
        err.println(String.format(Locale.ROOT, "%-10s %6s %6s %6s %12s %10s %12s %10s", "activation", "width",
                "depth", "seeds", "diag_mean", "diag_sd", "row_ratio", "rr_sd"));
        for (StudyCell c : cells) {
            err.println(String.format(Locale.ROOT, "%-10s %6d %6d %6d %12.5g %10.3g %12.5g %10.3g", c.activation(),
                    c.width(), c.depth(), c.seeds(), c.diagMean(), c.diagSd(), c.rowRatioMean(), c.rowRatioSd()));
        }
        f.perActivation().forEach((a, s) -> err.println(String.format(Locale.ROOT,
                "%-10s row ratio mean %.5g, diag mean %.5g, row ratio by depth %s, diag by width %s", a,
                s.rowRatioMean(), s.diagMean(), fmt(s.rowRatioByDepth()), fmt(s.diagByWidth()))));
        err.println("findings: relu largest row ratio=" + f.reluLargestRowRatio() + ", sin lowest row ratio="
                + f.sinLowestRowRatio() + ", row ratio grows with depth=" + f.rowRatioGrowsWithDepth()
                + ", diag grows with width=" + f.diagGrowsWithWidth() + ", diag shrinks with depth="
                + f.diagShrinksWithDepth() + ", relu largest diag=" + f.reluLargestDiag());
        err.flush();
    }

    private static String fmt(double[] x) {
        return Arrays.stream(x).mapToObj(v -> String.format(Locale.ROOT, "%.4g", v)).toList().toString();
    }
}
