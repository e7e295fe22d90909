package dev.rl4j.lab.offline;

import dev.rl4j.ntk.Discount;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.ntk.StabilityMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import dev.rl4j.lab.options.JsonSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ntk --model q.zip --batch batch.csv [--gamma G] [--alpha A]}: offline NTK diagnosis of a checkpoint.
 *
 * <p>{@code q.zip} is a DL4J {@link ModelSerializer} {@link MultiLayerNetwork}; RL4J's legacy {@code DQN.save} and
 * {@code DQNPolicy.save} write exactly this format, so their files are accepted as they are. A ComputationGraph zip is
 * rejected. {@code batch.csv} is described in {@link TransitionCsv}. The diagnosis is {@link OfflineDiagnosis}:
 * K(X, X) over the batch's pairs, and SEEM from K(X*, X) when next states are given (done rows contribute a zero row).
 *
 * <p>Defaults: {@code gamma = 0.99} (RL4J's usual discount; only eq. 17's bound, beta and SEEM depend on it) and
 * {@code alpha = 1.0} (eq. 16 and beta scale with it; pass the learner's step size to judge a real update).
 *
 * <p>Output: a human-readable summary on stderr and one JSON line on stdout with keys {@code command, model, batch,
 * pairs, state_width, actions, params, method, gamma, alpha, done_rows, next_states, diag_mean, diag_min, diag_max,
 * off_diag_abs_mean, off_diag_abs_max, row_ratio_mean, row_ratio_median, row_ratio_p90, row_ratio_max,
 * row_ratio_bound, worst_row, max_step_ratio, fraction16, fraction17, beta, contraction, eig_min, eig_max, cond,
 * seem, seem_normalized, findings, settings, provenance}: {@code findings} lists the {@link FindingKind} names that
 * {@link FindingRules#offlineStrict()} reports on K (the live listener's vocabulary with stricter thresholds: eq. 17
 * on every row, SEEM > 0, NO_CONTRACTION when beta >= 1), empty when none. {@code cond} is null when K is singular;
 * {@code seem} and {@code seem_normalized} are null without next states. Bad input: a message and exit code 2.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "ntk", mixinStandardHelpOptions = true,
        description = "Offline NTK diagnosis of a saved Q-network (ModelSerializer zip) on a CSV batch; prints a "
                + "summary on stderr and one JSON line.")
public final class OfflineNtkCommand implements Callable<Integer> {

    /** Default discount. */
    public static final double DEFAULT_GAMMA = 0.99;
    /** Default step size. */
    public static final double DEFAULT_ALPHA = 1.0;

    @Option(names = "--model", required = true, description = "DL4J MultiLayerNetwork zip (ModelSerializer, RL4J DQN.save)")
    Path model;

    @Option(names = "--batch", required = true,
            description = "CSV: header, columns a, s0..s{d-1}, optional r, done, s'0..s'{d-1}")
    Path batch;

    @Option(names = "--gamma", defaultValue = "" + DEFAULT_GAMMA, description = "discount in [0, 1) (default ${DEFAULT-VALUE})")
    double gamma;

    @Option(names = "--alpha", defaultValue = "" + DEFAULT_ALPHA, description = "step size > 0 (default ${DEFAULT-VALUE})")
    double alpha;

    @Spec
    CommandSpec spec;

    @Mixin
    JsonSummary summary;

    @Override
    public Integer call() throws IOException {
        Discount.BELOW_ONE.require("--gamma", gamma);
        if (!(alpha > 0.0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("--alpha must be finite and > 0, got " + alpha);
        }
        MultiLayerNetwork net = load(model);
        TransitionBatch data = TransitionCsv.read(batch);
        OfflineDiagnosis d = OfflineDiagnosis.of(net, data, gamma, alpha, FindingRules.offlineStrict());
        StabilityMetrics m = d.metrics();
        int actions = net.layerSize(net.getnLayers() - 1);

        PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "model %s: %d inputs, %d actions, %d params; batch %s: %d pairs, "
                        + "%d done, next states %s; method %s; gamma %s, alpha %s",
                model, data.stateWidth(), actions, net.numParams(), batch, m.pairs(), data.terminalCount(),
                data.hasNextStates() ? "yes" : "no", d.method(), gamma, alpha));
        err.println(String.format(Locale.ROOT, "  diag K_ii      mean %.6g  min %.6g  max %.6g", m.diagMean(),
                m.diagMin(), m.diagMax()));
        err.println(String.format(Locale.ROOT, "  row ratio R_i  mean %.6g  median %.6g  p90 %.6g  max %.6g "
                + "(eq. 17 bound %.6g, worst row %d)", m.rowRatioMean(), m.rowRatioMedian(), m.rowRatioP90(),
                m.rowRatioMax(), m.rowRatioBound(), m.worstRow() + 1));
        err.println(String.format(Locale.ROOT, "  eq. 16 holds on %.1f%% of rows (max alpha K_ii/N %.6g), "
                + "eq. 17 on %.1f%%", 100 * m.fraction16(), m.maxStepRatio(), 100 * m.fraction17()));
        err.println(String.format(Locale.ROOT, "  beta %.6g (%s), cond(K) %.6g, SEEM %s", m.beta(),
                m.isContraction() ? "contraction" : "no contraction guarantee", m.conditionNumber(),
                Double.isNaN(m.seem()) ? "n/a (no next states)"
                        : String.format(Locale.ROOT, "%.6g (normalised %.6g)", m.seem(), m.seemNormalized())));
        err.println("  findings: " + (d.findings().isEmpty() ? "none" : d.kinds()));
        d.findings().forEach(f -> err.println("    " + f.kind() + ": " + f.explanation()));
        err.flush();

        JsonLine json = new JsonLine().put("command", "ntk").put("model", model.toString())
                .put("batch", batch.toString()).put("pairs", m.pairs()).put("state_width", data.stateWidth())
                .put("actions", actions).put("params", net.numParams())
                .put("method", d.method().name().toLowerCase(Locale.ROOT)).put("gamma", gamma).put("alpha", alpha)
                .put("done_rows", data.terminalCount()).put("next_states", data.hasNextStates())
                .put("diag_mean", m.diagMean()).put("diag_min", m.diagMin()).put("diag_max", m.diagMax())
                .put("off_diag_abs_mean", m.offDiagAbsMean()).put("off_diag_abs_max", m.offDiagAbsMax())
                .put("row_ratio_mean", m.rowRatioMean()).put("row_ratio_median", m.rowRatioMedian())
                .put("row_ratio_p90", m.rowRatioP90()).put("row_ratio_max", m.rowRatioMax())
                .put("row_ratio_bound", m.rowRatioBound()).put("worst_row", m.worstRow())
                .put("max_step_ratio", m.maxStepRatio()).put("fraction16", m.fraction16())
                .put("fraction17", m.fraction17()).put("beta", m.beta()).put("contraction", m.isContraction())
                .put("eig_min", m.eigMin()).put("eig_max", m.eigMax()).put("cond", m.conditionNumber())
                .put("seem", m.seem()).put("seem_normalized", m.seemNormalized())
                .put("findings", d.kinds().stream().map(Enum::name).toList());
        summary.print(json);
        return 0;
    }

    /** Restores a ModelSerializer MultiLayerNetwork without its updater; clear messages for the usual mistakes. */
    static MultiLayerNetwork load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model file not found: " + file);
        }
        try {
            return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("--model " + file + " is not a DL4J MultiLayerNetwork zip "
                    + "(ModelSerializer / RL4J DQN.save format): " + e.getMessage());
        }
    }
}
