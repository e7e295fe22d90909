package dev.rl4j.diagnostics;

import dev.rl4j.ntk.StabilityMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one probe's numbers into findings: a pure function, no state, no RL4J (debouncing over consecutive probes
 * is the listener's job). Each threshold is a named field. Two presets: {@link #live()}, the listener's default,
 * tuned for deep nets during training, and {@link #offlineStrict()}, the offline {@code ntk} command's reading of a
 * single kernel, where every failed guarantee counts.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param minFraction17      OVER_GENERALIZATION when fewer than this fraction of rows meet eq. 17, in [0, 1]
 *                           (live 0.5: with gamma = 0.99 eq. 17 asks R_i &lt;= 1/199, which deep nets rarely meet;
 *                           strict 1: any row)
 * @param stepTooSmallMargin STEP_TOO_SMALL when beta &lt; 1 and 1 - beta &lt; this margin, >= 0 (default 1e-6)
 * @param seemTolerance      SELF_EXCITING when SEEM / ||M||_F exceeds this, >= 0 (live 1e-9, a round-off guard;
 *                           strict 0: SEEM > 0)
 * @param softFactor         SOFT_DIVERGENCE when max|Q| > softFactor * r_max / (1 - gamma), >= 1 (default 1)
 * @param minSrankFraction   RANK_COLLAPSE when srank / min(N, featureDim) is below this, in [0, 1] (default 0.05)
 * @param flagNoContraction  NO_CONTRACTION when beta >= 1 (live false: deep nets rarely contract in the sup norm;
 *                           strict true)
 * @param informational      kinds reported with {@link Severity#INFO} instead of {@link Severity#WARNING}: still
 *                           evaluated, debounced and recorded with their numbers, but not warnings (an unmodifiable
 *                           copy; never {@link FindingKind#NON_FINITE}, which is always CRITICAL)
 */
public record FindingRules(double minFraction17, double stepTooSmallMargin, double seemTolerance,
        double softFactor, double minSrankFraction, boolean flagNoContraction, Set<FindingKind> informational) {

    /** Validates every threshold; messages name the field, the range and the value. */
    public FindingRules {
        requireIn("minFraction17", minFraction17, 0, 1);
        requireIn("stepTooSmallMargin", stepTooSmallMargin, 0, Double.MAX_VALUE);
        requireIn("seemTolerance", seemTolerance, 0, Double.MAX_VALUE);
        requireIn("softFactor", softFactor, 1, Double.MAX_VALUE);
        requireIn("minSrankFraction", minSrankFraction, 0, 1);
        Objects.requireNonNull(informational, "informational");
        if (informational.contains(FindingKind.NON_FINITE)) {
            throw new IllegalArgumentException("informational must not contain NON_FINITE (always CRITICAL), got "
                    + informational);
        }
        informational = Collections.unmodifiableSet(informational.isEmpty() ? EnumSet.noneOf(FindingKind.class)
                : EnumSet.copyOf(informational));
    }

    /** Rules with every kind a WARNING (no informational kinds). */
    public FindingRules(double minFraction17, double stepTooSmallMargin, double seemTolerance, double softFactor,
            double minSrankFraction, boolean flagNoContraction) {
        this(minFraction17, stepTooSmallMargin, seemTolerance, softFactor, minSrankFraction, flagNoContraction,
                EnumSet.noneOf(FindingKind.class));
    }

    /** These rules with {@code kinds} reported as {@link Severity#INFO} (replacing the current set). */
    public FindingRules withInformational(Set<FindingKind> kinds) {
        return new FindingRules(minFraction17, stepTooSmallMargin, seemTolerance, softFactor, minSrankFraction,
                flagNoContraction, kinds);
    }

    /** These rules with another {@link #minFraction17}. */
    public FindingRules withMinFraction17(double fraction) {
        return new FindingRules(fraction, stepTooSmallMargin, seemTolerance, softFactor, minSrankFraction,
                flagNoContraction, informational);
    }

    /** These rules with another {@link #seemTolerance}. */
    public FindingRules withSeemTolerance(double tolerance) {
        return new FindingRules(minFraction17, stepTooSmallMargin, tolerance, softFactor, minSrankFraction,
                flagNoContraction, informational);
    }

    /** The severity of a finding of this kind under these rules: CRITICAL for NON_FINITE, else INFO or WARNING. */
    public Severity severityOf(FindingKind kind) {
        return kind == FindingKind.NON_FINITE ? Severity.CRITICAL
                : informational.contains(kind) ? Severity.INFO : Severity.WARNING;
    }

    /** Rules that never report NO_CONTRACTION and report every kind as a WARNING. */
    public FindingRules(double minFraction17, double stepTooSmallMargin, double seemTolerance, double softFactor,
            double minSrankFraction) {
        this(minFraction17, stepTooSmallMargin, seemTolerance, softFactor, minSrankFraction, false,
                EnumSet.noneOf(FindingKind.class));
    }

    /**
     * The listener's default: minFraction17 0.5, stepTooSmallMargin 1e-6, seemTolerance 1e-9, softFactor 1,
     * minSrankFraction 0.05, no NO_CONTRACTION, and OVER_GENERALIZATION reported as {@link Severity#INFO}. Chosen by
     * {@code rl4j-lab calibrate} on tuning seeds 1-3 (docs/results.md#calibration): eq. 17 failed on every healthy
     * run, so as a warning it would teach users to ignore the listener; it stays recorded with its numbers.
     * SELF_EXCITING is a WARNING here; the listener applies {@link #forTargetSyncInterval} for the learner it is
     * attached to, which makes it INFO when the learner bootstraps from a target network.
     */
    public static FindingRules live() {
        return new FindingRules(0.5, 1e-6, 1e-9, 1.0, 0.05, false, EnumSet.of(FindingKind.OVER_GENERALIZATION));
    }

    /**
     * These rules as they apply to a learner whose TD targets come from a network copied every
     * {@code targetSyncInterval} updates: SELF_EXCITING keeps its severity when the targets come from the network
     * being updated (interval 1), and becomes {@link Severity#INFO} otherwise, or when the interval is unknown (null).
     * SEEM is the expanding direction of the linearised update with online bootstrapping, gamma K(X*,X) - K(X,X)
     * (docs/math.md#seem); with a target network held for C > 1 updates the bootstrap term is frozen between copies
     * and that matrix is not the learner's dynamics. Measured by {@code calibrate} (docs/results.md#calibration).
     *
     * @param targetSyncInterval >= 1, or null when unknown
     * @throws IllegalArgumentException when the interval is below 1
     */
    public FindingRules forTargetSyncInterval(Integer targetSyncInterval) {
        if (targetSyncInterval != null && targetSyncInterval < 1) {
            throw new IllegalArgumentException("targetSyncInterval must be >= 1 or null (unknown), got "
                    + targetSyncInterval);
        }
        if (targetSyncInterval != null && targetSyncInterval == 1) {
            return this;
        }
        Set<FindingKind> info = EnumSet.of(FindingKind.SELF_EXCITING);
        info.addAll(informational);
        return withInformational(info);
    }

    /**
     * The offline {@code ntk} command's reading of one kernel: eq. 17 on every row (minFraction17 1), SEEM > 0
     * (seemTolerance 0) and NO_CONTRACTION when beta >= 1; the other thresholds as {@link #live()}.
     */
    public static FindingRules offlineStrict() {
        return new FindingRules(1.0, 1e-6, 0.0, 1.0, 0.05, true);
    }

    /**
     * Findings supported by this probe alone.
     *
     * @param m never null
     * @return findings in {@link FindingKind} order; empty when nothing is wrong
     */
    public List<Finding> evaluate(ProbeMeasurement m) {
        List<Finding> out = new ArrayList<>();
        ProbeMeasurement.Health health = m.health();
        if (health.nonFinite()) {
            out.add(new Finding(FindingKind.NON_FINITE, Severity.CRITICAL,
                    (health.nonFiniteParams() ? "Some network parameters" : "Some Q-values")
                            + " are NaN or infinite: training has diverged numerically; lower the step size or clamp the TD error.",
                    nums("health/nonfinite_params", health.nonFiniteParams() ? 1 : 0,
                            "health/nonfinite_q", health.nonFiniteQ() ? 1 : 0)));
            return out; // nothing else is meaningful on non-finite numbers
        }
        if (m.hasKernelMetrics()) {
            out.addAll(evaluate(m.kernel()));
        }
        ProbeMeasurement.QValues q = m.q();
        if (q.softBound() > 0 && q.maxAbs() > softFactor * q.softBound()) {
            out.add(new Finding(FindingKind.SOFT_DIVERGENCE, severityOf(FindingKind.SOFT_DIVERGENCE), String.format(Locale.ROOT,
                    "max|Q| = %.4g exceeds r_max/(1-gamma) = %.4g, a value no policy can earn: Q is diverging softly.",
                    q.maxAbs(), q.softBound()),
                    nums("q/max_abs", q.maxAbs(), "q/soft_bound", q.softBound(), "q/r_max", q.rMax())));
        }
        ProbeMeasurement.Features f = m.features();
        double rankCap = Math.min(m.pairs(), f.dim());
        if (rankCap > 1 && f.srank() / rankCap < minSrankFraction) {
            out.add(new Finding(FindingKind.RANK_COLLAPSE, severityOf(FindingKind.RANK_COLLAPSE), String.format(Locale.ROOT,
                    "srank of the penultimate features is %.0f of at most %.0f: the representation has collapsed and "
                            + "the network can no longer tell states apart.", f.srank(), rankCap),
                    nums("features/srank", f.srank(), "features/dim", f.dim(),
                            "features/dormant_fraction", f.dormantFraction())));
        }
        return out;
    }

    /**
     * Findings about one kernel alone (the kernel part of {@link #evaluate(ProbeMeasurement)}): OVER_GENERALIZATION,
     * STEP_TOO_LARGE, STEP_TOO_SMALL, NO_CONTRACTION and SELF_EXCITING. Finding numbers use the probe column names.
     *
     * @param k never null; SEEM NaN (no next states) never fires SELF_EXCITING
     * @return findings in {@link FindingKind} order; empty when nothing is wrong
     */
    public List<Finding> evaluate(StabilityMetrics k) {
        List<Finding> out = new ArrayList<>();
        // eq. 17 with rho uniform: R_i <= (1 - gamma) / (1 + gamma)
        if (k.fraction17() < minFraction17) {
            out.add(new Finding(FindingKind.OVER_GENERALIZATION, severityOf(FindingKind.OVER_GENERALIZATION), String.format(Locale.ROOT,
                    "Only %.0f%% of probe rows meet eq. 17 (max row ratio %.4g vs bound %.4g, beta %.6g): updates on "
                            + "one state-action pair move the others too much for a guaranteed contraction.",
                    100 * k.fraction17(), k.rowRatioMax(), k.rowRatioBound(), k.beta()),
                    nums("ntk/fraction17", k.fraction17(), "ntk/row_ratio_max", k.rowRatioMax(),
                            "ntk/row_ratio_median", k.rowRatioMedian(), "ntk/row_ratio_bound", k.rowRatioBound(),
                            "ntk/beta", k.beta())));
        }
        // eq. 16: alpha K_ii rho_i < 1
        if (k.fraction16() < 1.0) {
            out.add(new Finding(FindingKind.STEP_TOO_LARGE, severityOf(FindingKind.STEP_TOO_LARGE), String.format(Locale.ROOT,
                    "Eq. 16 fails on %.0f%% of probe rows (max alpha*K_ii/N = %.4g >= 1 with alpha %.4g): the update "
                            + "overshoots the TD target; lower the learning rate.",
                    100 * (1 - k.fraction16()), k.maxStepRatio(), k.alpha()),
                    nums("ntk/fraction16", k.fraction16(), "ntk/max_step_ratio", k.maxStepRatio(),
                            "alpha/value", k.alpha(), "ntk/beta", k.beta())));
        }
        if (k.beta() < 1.0 && 1.0 - k.beta() < stepTooSmallMargin) {
            out.add(new Finding(FindingKind.STEP_TOO_SMALL, severityOf(FindingKind.STEP_TOO_SMALL), String.format(Locale.ROOT,
                    "beta(K) = %.10f is within %.3g of 1: the update contracts too slowly to make progress "
                            + "toward Q*; raise the learning rate.", k.beta(), 1.0 - k.beta()),
                    nums("ntk/beta", k.beta(), "alpha/value", k.alpha(), "ntk/max_step_ratio", k.maxStepRatio())));
        }
        if (flagNoContraction && !k.isContraction()) {
            out.add(new Finding(FindingKind.NO_CONTRACTION, severityOf(FindingKind.NO_CONTRACTION), String.format(Locale.ROOT,
                    "beta(K) = %.6g >= 1: Thm. 2 gives no sup-norm contraction guarantee for this update.", k.beta()),
                    nums("ntk/beta", k.beta(), "alpha/value", k.alpha(), "ntk/gamma", k.gamma())));
        }
        if (k.seemNormalized() > seemTolerance) {
            out.add(new Finding(FindingKind.SELF_EXCITING, severityOf(FindingKind.SELF_EXCITING), String.format(Locale.ROOT,
                    "SEEM = %.4g > 0 (normalised %.4g): gamma K(X*,X) - K(X,X) has an expanding direction, so the "
                            + "linearised expected update can amplify errors through bootstrapping.",
                    k.seem(), k.seemNormalized()),
                    nums("ntk/seem", k.seem(), "ntk/seem_normalized", k.seemNormalized(), "ntk/gamma", k.gamma())));
        }
        return out;
    }

    private static Map<String, Double> nums(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }

    private static void requireIn(String name, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) { // written so that NaN fails too
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
