package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one probe's numbers into findings: a pure function, no state, no RL4J (debouncing over consecutive probes
 * is the listener's job). Each threshold is a named field; {@link #defaults()} documents the defaults.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param minFraction17      OVER_GENERALIZATION when fewer than this fraction of rows meet eq. 17, in [0, 1]
 *                           (default 0.5); with gamma = 0.99 eq. 17 asks R_i &lt;= 1/199, which deep nets rarely meet
 * @param stepTooSmallMargin STEP_TOO_SMALL when beta &lt; 1 and 1 - beta &lt; this margin, >= 0 (default 1e-6)
 * @param seemTolerance      SELF_EXCITING when SEEM / ||M||_F exceeds this, >= 0 (default 1e-9, round-off guard)
 * @param softFactor         SOFT_DIVERGENCE when max|Q| > softFactor * r_max / (1 - gamma), >= 1 (default 1)
 * @param minSrankFraction   RANK_COLLAPSE when srank / min(N, featureDim) is below this, in [0, 1] (default 0.05)
 */
public record FindingRules(double minFraction17, double stepTooSmallMargin, double seemTolerance,
        double softFactor, double minSrankFraction) {

    /** Validates every threshold; messages name the field, the range and the value. */
    public FindingRules {
        requireIn("minFraction17", minFraction17, 0, 1);
        requireIn("stepTooSmallMargin", stepTooSmallMargin, 0, Double.MAX_VALUE);
        requireIn("seemTolerance", seemTolerance, 0, Double.MAX_VALUE);
        requireIn("softFactor", softFactor, 1, Double.MAX_VALUE);
        requireIn("minSrankFraction", minSrankFraction, 0, 1);
    }

    /** minFraction17 0.5, stepTooSmallMargin 1e-6, seemTolerance 1e-9, softFactor 1, minSrankFraction 0.05. */
    public static FindingRules defaults() {
        return new FindingRules(0.5, 1e-6, 1e-9, 1.0, 0.05);
    }

    /**
     * Findings supported by this probe alone.
     *
     * @param m never null
     * @return findings in {@link FindingKind} order; empty when nothing is wrong
     */
    public List<Finding> evaluate(ProbeMeasurement m) {
        List<Finding> out = new ArrayList<>();
        if (m.nonFiniteParams() || m.nonFiniteQ()) {
            out.add(new Finding(FindingKind.NON_FINITE, Severity.CRITICAL,
                    (m.nonFiniteParams() ? "Some network parameters" : "Some Q-values")
                            + " are NaN or infinite: training has diverged numerically; lower the step size or clamp the TD error.",
                    nums("health/nonfinite_params", m.nonFiniteParams() ? 1 : 0,
                            "health/nonfinite_q", m.nonFiniteQ() ? 1 : 0)));
            return out; // nothing else is meaningful on non-finite numbers
        }
        if (m.hasKernelMetrics()) {
            // eq. 17 with rho uniform: R_i <= (1 - gamma) / (1 + gamma)
            if (m.fraction17() < minFraction17) {
                out.add(new Finding(FindingKind.OVER_GENERALIZATION, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "Only %.0f%% of probe rows meet eq. 17 (max row ratio %.4g vs bound %.4g, beta %.6g): updates on "
                                + "one state-action pair move the others too much for a guaranteed contraction.",
                        100 * m.fraction17(), m.rowRatioMax(), m.rowRatioBound(), m.beta()),
                        nums("ntk/fraction17", m.fraction17(), "ntk/row_ratio_max", m.rowRatioMax(),
                                "ntk/row_ratio_median", m.rowRatioMedian(), "ntk/row_ratio_bound", m.rowRatioBound(),
                                "ntk/beta", m.beta())));
            }
            // eq. 16: alpha K_ii rho_i < 1
            if (m.fraction16() < 1.0) {
                out.add(new Finding(FindingKind.STEP_TOO_LARGE, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "Eq. 16 fails on %.0f%% of probe rows (max alpha*K_ii/N = %.4g >= 1 with alpha %.4g): the update "
                                + "overshoots the TD target; lower the learning rate.",
                        100 * (1 - m.fraction16()), m.maxStepRatio(), m.alpha()),
                        nums("ntk/fraction16", m.fraction16(), "ntk/max_step_ratio", m.maxStepRatio(),
                                "alpha/value", m.alpha(), "ntk/beta", m.beta())));
            }
            if (m.beta() < 1.0 && 1.0 - m.beta() < stepTooSmallMargin) {
                out.add(new Finding(FindingKind.STEP_TOO_SMALL, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "beta(K) = %.10f is within %.3g of 1: the update contracts too slowly to make progress "
                                + "toward Q*; raise the learning rate.", m.beta(), 1.0 - m.beta()),
                        nums("ntk/beta", m.beta(), "alpha/value", m.alpha(), "ntk/max_step_ratio", m.maxStepRatio())));
            }
            if (m.seemNormalized() > seemTolerance) {
                out.add(new Finding(FindingKind.SELF_EXCITING, Severity.WARNING, String.format(java.util.Locale.ROOT,
                        "SEEM = %.4g > 0 (normalised %.4g): gamma K(X*,X) - K(X,X) has an expanding direction, so the "
                                + "linearised expected update can amplify errors through bootstrapping.",
                        m.seem(), m.seemNormalized()),
                        nums("ntk/seem", m.seem(), "ntk/seem_normalized", m.seemNormalized(), "ntk/gamma", m.gamma())));
            }
        }
        if (m.softBound() > 0 && m.maxAbsQ() > softFactor * m.softBound()) {
            out.add(new Finding(FindingKind.SOFT_DIVERGENCE, Severity.WARNING, String.format(java.util.Locale.ROOT,
                    "max|Q| = %.4g exceeds r_max/(1-gamma) = %.4g, a value no policy can earn: Q is diverging softly.",
                    m.maxAbsQ(), m.softBound()),
                    nums("q/max_abs", m.maxAbsQ(), "q/soft_bound", m.softBound(), "q/r_max", m.rMax())));
        }
        double rankCap = Math.min(m.pairs(), m.featureDim());
        if (rankCap > 1 && m.srank() / rankCap < minSrankFraction) {
            out.add(new Finding(FindingKind.RANK_COLLAPSE, Severity.WARNING, String.format(java.util.Locale.ROOT,
                    "srank of the penultimate features is %.0f of at most %.0f: the representation has collapsed and "
                            + "the network can no longer tell states apart.", m.srank(), rankCap),
                    nums("features/srank", m.srank(), "features/dim", m.featureDim(),
                            "features/dormant_fraction", m.dormantFraction())));
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
