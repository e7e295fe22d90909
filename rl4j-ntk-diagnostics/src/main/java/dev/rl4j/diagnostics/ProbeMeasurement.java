package dev.rl4j.diagnostics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers measured on one probe batch of N transitions (a pure value; no RL4J types). A field is NaN when it
 * could not be measured on this probe: every kernel field when alpha is unknown, the kernel is degenerate (a zero
 * gradient on some pair) or the network is non-finite; {@code softBound} while no non-zero reward was seen;
 * {@code dormantFraction} for a network without hidden layer; {@code coAdaptation} when every probe transition is
 * terminal; {@code linearisationCos} unless alpha was measured.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param update           updates (gradient steps) the learner had made when the probe ran, >= 0
 * @param step             environment steps seen by the listener (builder) or by the learner (legacy), >= 0
 * @param episode          episodes completed, >= 0
 * @param pairs            N, number of (s, a) pairs in the probe batch
 * @param probeMillis      wall time of the probe in milliseconds: sampling, alpha, kernel and feature metrics (not sinks)
 * @param alphaSource      where alpha came from, never null
 * @param alpha            effective step size used for eq. 16 and beta; NaN when unknown
 * @param linearisationCos cos(actual change of Q on the measured update's batch, its TD error delta), in [-1, 1]
 * @param gamma            discount in [0, 1)
 * @param beta             contraction modulus of Thm. 2; &lt; 1 means sup-norm contraction
 * @param rowRatioMax      max_i R_i(K)
 * @param rowRatioMedian   median R_i(K)
 * @param rowRatioMean     mean R_i(K)
 * @param rowRatioBound    (1 - gamma) / (1 + gamma), the eq. 17 bound on R_i with rho = 1/N
 * @param fraction16       fraction of rows meeting eq. 16, in [0, 1]
 * @param fraction17       fraction of rows meeting eq. 17, in [0, 1]
 * @param maxStepRatio     max_i alpha K_ii / N; eq. 16 needs &lt; 1
 * @param diagMean         mean K_ii
 * @param eigMin           smallest eigenvalue of K
 * @param eigMax           largest eigenvalue of K
 * @param conditionNumber  eigMax / eigMin; +Infinity when K is singular
 * @param seem             largest real part of eig(gamma K(X*, X) - K(X, X)); > 0 means self-exciting
 * @param seemNormalized   seem / ||gamma K(X*, X) - K(X, X)||_F
 * @param maxAbsQ          max |Q(s, a)| over the probe states and every action
 * @param rMax             largest |reward| seen so far, in the learner's reward scale (legacy: times rewardFactor)
 * @param softBound        rMax / (1 - gamma)
 * @param srank            srank_0.01 of the penultimate features: min k with sum_{i&lt;=k} sigma_i / sum sigma >= 0.99
 * @param featureDim       width of the penultimate features (srank is at most min(N, featureDim))
 * @param dormantFraction  fraction of hidden units with score mean|h| / layer mean of mean|h| &lt;= tau (Sokar et al. 2023)
 * @param coAdaptation     mean over non-terminal probe transitions of phi(s) . phi(s') (DR3, Kumar et al. 2022)
 * @param nonFiniteParams  true when some parameter is NaN or infinite
 * @param nonFiniteQ       true when some Q-value on the probe is NaN or infinite
  *
 * <p>For probes whose {@code alphaSource} is {@link AlphaSource#PRECONDITIONED} (PreQN) every kernel column (beta, row
 * ratios, fractions, max step ratio, diagonal mean, eigenvalues, cond, SEEM) describes the preconditioned kernel
 * N K (K + lambda I)^{-1} that moves a PreQN learner's Q-values, not the raw K.
 */
public record ProbeMeasurement(long update, long step, long episode, int pairs, double probeMillis,
        AlphaSource alphaSource, double alpha, double linearisationCos, double gamma,
        double beta, double rowRatioMax, double rowRatioMedian, double rowRatioMean, double rowRatioBound,
        double fraction16, double fraction17, double maxStepRatio, double diagMean,
        double eigMin, double eigMax, double conditionNumber, double seem, double seemNormalized,
        double maxAbsQ, double rMax, double softBound,
        double srank, int featureDim, double dormantFraction, double coAdaptation,
        boolean nonFiniteParams, boolean nonFiniteQ) {

    /** Validates the fields that are never NaN. */
    public ProbeMeasurement {
        Objects.requireNonNull(alphaSource, "alphaSource");
        if (pairs < 0) {
            throw new IllegalArgumentException("pairs must be >= 0, got " + pairs);
        }
        if (!(gamma >= 0.0 && gamma < 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
    }

    /** True when kernel metrics were computed on this probe (beta is not NaN). */
    public boolean hasKernelMetrics() {
        return !Double.isNaN(beta);
    }

    /**
     * Every field under its stable, namespaced column name, in column order (the CSV header and the JSON keys).
     * Values are {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} or {@code String}.
     */
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("probe/update", update);
        m.put("probe/step", step);
        m.put("probe/episode", episode);
        m.put("probe/pairs", pairs);
        m.put("probe/millis", probeMillis);
        m.put("alpha/source", alphaSource.name());
        m.put("alpha/value", alpha);
        m.put("alpha/linearisation_cos", linearisationCos);
        m.put("ntk/gamma", gamma);
        m.put("ntk/beta", beta);
        m.put("ntk/row_ratio_max", rowRatioMax);
        m.put("ntk/row_ratio_median", rowRatioMedian);
        m.put("ntk/row_ratio_mean", rowRatioMean);
        m.put("ntk/row_ratio_bound", rowRatioBound);
        m.put("ntk/fraction16", fraction16);
        m.put("ntk/fraction17", fraction17);
        m.put("ntk/max_step_ratio", maxStepRatio);
        m.put("ntk/diag_mean", diagMean);
        m.put("ntk/eig_min", eigMin);
        m.put("ntk/eig_max", eigMax);
        m.put("ntk/cond", conditionNumber);
        m.put("ntk/seem", seem);
        m.put("ntk/seem_normalized", seemNormalized);
        m.put("q/max_abs", maxAbsQ);
        m.put("q/r_max", rMax);
        m.put("q/soft_bound", softBound);
        m.put("features/srank", srank);
        m.put("features/dim", featureDim);
        m.put("features/dormant_fraction", dormantFraction);
        m.put("features/coadaptation", coAdaptation);
        m.put("health/nonfinite_params", nonFiniteParams);
        m.put("health/nonfinite_q", nonFiniteQ);
        return m;
    }
}
