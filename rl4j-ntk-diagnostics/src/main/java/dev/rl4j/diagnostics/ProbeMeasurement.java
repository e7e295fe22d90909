package dev.rl4j.diagnostics;

import dev.rl4j.ntk.Discount;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The numbers measured on one probe batch of N transitions (a pure value; no RL4J types), composed of typed parts:
 * the step size, the kernel's {@link StabilityMetrics}, the Q-values, the penultimate features and the health flags.
 *
 * <p>For probes whose step-size source is {@link AlphaSource#PRECONDITIONED} (PreQN) the kernel metrics describe the
 * preconditioned kernel N K (K + lambda I)^{-1} that moves a PreQN learner's Q-values, not the raw K.
 *
 * <p>{@link #columns()} flattens the parts under the stable column names of {@link ProbeRecord#COLUMNS}: a kernel
 * column is NaN when no kernel was measured.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param update      updates (gradient steps) the learner had made when the probe ran, >= 0
 * @param step        environment steps seen by the listener (builder) or by the learner (legacy), >= 0
 * @param episode     episodes completed, >= 0
 * @param pairs       N, number of (s, a) pairs in the probe batch, >= 0
 * @param probeMillis wall time of the probe in milliseconds: sampling, alpha, kernel and feature metrics (not sinks)
 * @param stepSize    the step size alpha and where it came from, never null
 * @param gamma       discount in [0, 1)
 * @param kernel      the kernel's contraction metrics (eqs. 16, 17, beta of Thm. 2, SEEM), or null when they could not
 *                    be measured: alpha unknown, a degenerate kernel (a zero gradient on some pair), a failed
 *                    preconditioner solve or a non-finite network
 * @param q           the Q-values on the probe, never null
 * @param features    the penultimate features, never null
 * @param health      the non-finite flags, never null
 */
public record ProbeMeasurement(long update, long step, long episode, int pairs, double probeMillis,
        StepSize stepSize, double gamma, StabilityMetrics kernel, QValues q, Features features, Health health) {

    /**
     * The step size of the probe.
     *
     * @param source           where alpha came from, never null
     * @param alpha            effective step size used for eq. 16 and beta; NaN when unknown
     * @param linearisationCos cos(actual change of Q on the measured update's batch, its TD error delta), in [-1, 1];
     *                         NaN unless alpha was measured
     */
    public record StepSize(AlphaSource source, double alpha, double linearisationCos) {

        /** Validates the source. */
        public StepSize {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The Q-values on the probe against the soft-divergence bound (van Hasselt et al. 2018).
     *
     * @param maxAbs    max |Q(s, a)| over the probe states and every action
     * @param rMax      largest |reward| seen so far, in the learner's reward scale (legacy: times rewardFactor)
     * @param softBound rMax / (1 - gamma); NaN while no non-zero reward was seen
     */
    public record QValues(double maxAbs, double rMax, double softBound) {
    }

    /**
     * The penultimate features phi(s) on the probe.
     *
     * @param srank           srank_0.01: min k with sum_{i&lt;=k} sigma_i / sum sigma >= 0.99 (Kumar et al. 2021)
     * @param dim             width of the features (srank is at most min(N, dim)); 0 when not measured
     * @param dormantFraction fraction of hidden units with score mean|h| / layer mean of mean|h| &lt;= tau (Sokar et al.
     *                        2023); NaN for a network without hidden layer
     * @param coAdaptation    mean over non-terminal probe transitions of phi(s) . phi(s') (DR3, Kumar et al. 2022);
     *                        NaN when every probe transition is terminal
     */
    public record Features(double srank, int dim, double dormantFraction, double coAdaptation) {

        /** Features that could not be measured (a non-finite network). */
        public static Features unmeasured() {
            return new Features(Double.NaN, 0, Double.NaN, Double.NaN);
        }
    }

    /**
     * Whether the network has left the finite numbers.
     *
     * @param nonFiniteParams true when some parameter is NaN or infinite
     * @param nonFiniteQ      true when some Q-value on the probe is NaN or infinite
     */
    public record Health(boolean nonFiniteParams, boolean nonFiniteQ) {

        /** True when either flag is set. */
        public boolean nonFinite() {
            return nonFiniteParams || nonFiniteQ;
        }
    }

    /** One stable output column and how its value is read from a measurement. */
    private record Column(String name, Function<ProbeMeasurement, Object> value) {
    }

    private static Column kernelColumn(String name, ToDoubleFunction<StabilityMetrics> metric) {
        return new Column(name, m -> m.kernelMetric(metric));
    }

    /** The stable columns, in output order. */
    private static final List<Column> COLUMNS = List.of(
            new Column("probe/update", ProbeMeasurement::update),
            new Column("probe/step", ProbeMeasurement::step),
            new Column("probe/episode", ProbeMeasurement::episode),
            new Column("probe/pairs", ProbeMeasurement::pairs),
            new Column("probe/millis", ProbeMeasurement::probeMillis),
            new Column("alpha/source", m -> m.stepSize.source().name()),
            new Column("alpha/value", m -> m.stepSize.alpha()),
            new Column("alpha/linearisation_cos", m -> m.stepSize.linearisationCos()),
            new Column("ntk/gamma", ProbeMeasurement::gamma),
            kernelColumn("ntk/beta", StabilityMetrics::beta),
            kernelColumn("ntk/row_ratio_max", StabilityMetrics::rowRatioMax),
            kernelColumn("ntk/row_ratio_median", StabilityMetrics::rowRatioMedian),
            kernelColumn("ntk/row_ratio_mean", StabilityMetrics::rowRatioMean),
            new Column("ntk/row_ratio_bound", ProbeMeasurement::rowRatioBound),
            kernelColumn("ntk/fraction16", StabilityMetrics::fraction16),
            kernelColumn("ntk/fraction17", StabilityMetrics::fraction17),
            kernelColumn("ntk/max_step_ratio", StabilityMetrics::maxStepRatio),
            kernelColumn("ntk/diag_mean", StabilityMetrics::diagMean),
            kernelColumn("ntk/eig_min", StabilityMetrics::eigMin),
            kernelColumn("ntk/eig_max", StabilityMetrics::eigMax),
            kernelColumn("ntk/cond", StabilityMetrics::conditionNumber),
            kernelColumn("ntk/seem", StabilityMetrics::seem),
            kernelColumn("ntk/seem_normalized", StabilityMetrics::seemNormalized),
            new Column("q/max_abs", m -> m.q.maxAbs()),
            new Column("q/r_max", m -> m.q.rMax()),
            new Column("q/soft_bound", m -> m.q.softBound()),
            new Column("features/srank", m -> m.features.srank()),
            new Column("features/dim", m -> m.features.dim()),
            new Column("features/dormant_fraction", m -> m.features.dormantFraction()),
            new Column("features/coadaptation", m -> m.features.coAdaptation()),
            new Column("health/nonfinite_params", m -> m.health.nonFiniteParams()),
            new Column("health/nonfinite_q", m -> m.health.nonFiniteQ()));

    /** The stable column names of a measurement, in order (the leading part of {@link ProbeRecord#COLUMNS}). */
    static final List<String> COLUMN_NAMES = COLUMNS.stream().map(Column::name).toList();

    /** Validates the parts that are never null and the ranges of pairs and gamma. */
    public ProbeMeasurement {
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(health, "health");
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be >= 0, got " + pairs);
        }
        Discount.BELOW_ONE.require("gamma", gamma);
    }

    /** True when kernel metrics were computed on this probe ({@link #kernel()} is not null). */
    public boolean hasKernelMetrics() {
        return kernel != null;
    }

    /** One kernel metric, or NaN when no kernel was measured: {@code m.kernelMetric(StabilityMetrics::beta)}. */
    public double kernelMetric(ToDoubleFunction<StabilityMetrics> metric) {
        return kernel == null ? Double.NaN : metric.applyAsDouble(kernel);
    }

    /** The bound of eq. 17 on R_i with rho uniform, (1 - gamma) / (1 + gamma); known without a kernel. */
    public double rowRatioBound() {
        return (1 - gamma) / (1 + gamma);
    }

    /**
     * Every field under its stable, namespaced column name, in column order (the CSV header and the JSON keys).
     * Values are {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} or {@code String}.
     */
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column c : COLUMNS) {
            m.put(c.name(), c.value().apply(this));
        }
        return m;
    }
}
