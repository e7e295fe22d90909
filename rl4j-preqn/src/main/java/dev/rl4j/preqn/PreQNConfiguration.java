package dev.rl4j.preqn;

import java.util.Objects;

/**
 * Hyper-parameters of PreQN (Achiam et al. 2019, eqs. 19-21; docs/math.md#preqn). The TD settings (gamma, error
 * clamp, batch size, replay size, target update frequency) stay in RL4J's own configuration, so a swap from DQN
 * changes one line.
 *
 * <pre>{@code
 * PreQNConfiguration conf = PreQNConfiguration.builder().alpha(0.1).eta(0.95).build();
 * }</pre>
 *
 * <p>Defaults and how they were chosen: eta 0.95, shrink 0.5 and 10 trials are the paper's public port; no target
 * network and no double-Q, as in the paper. The rest comes from short CartPole runs (a test-scope program since
 * removed, {@code git show 12ee58d:rl4j-preqn/src/test/java/dev/rl4j/preqn/PreQNMeasurements.java}, run as
 * {@code cartpole 2000 2}: {@code CartpoleNative}, 4-64-64-2 ReLU float net, batch 32, gamma 0.99,
 * errorClamp 1, epsilon annealed over 1000 steps, 2000 steps, seeds 1-2), reporting the mean length of the last 20
 * episodes and the fraction of updates whose line search failed:
 * <pre>
 *   alpha 0.1,  damping 1e-6, REJECT_STEP          100.8   0.002   (defaults)
 *   alpha 0.5,  damping 1e-6, REJECT_STEP           31.9   0.012
 *   alpha 0.02, damping 1e-6, REJECT_STEP           95.1   0.001
 *   alpha 0.1,  damping 1e-3, REJECT_STEP           99.8   0.003
 *   alpha 0.1,  damping 1e-6, KEEP_SMALLEST_TRIAL   96.3   0.001
 *   RL4J DQN (QLearningDiscreteDense, Adam 1e-3)    98.9
 * </pre>
 * alpha 0.5 clearly hurts; between 0.02 and 0.1, and between the two dampings and policies, the differences are
 * within the noise of two seeds, so the safer choices were kept: damping 1e-6 * mean(diag K) (keeps Cholesky
 * working on duplicate transitions while barely biasing Z) and REJECT_STEP (a failed batch changes nothing).
 *
 * <p><b>RL4J's {@code errorClamp} and {@code doubleDQN}.</b> PreQN does not inherit RL4J's {@code errorClamp}
 * (since 0.2): setting it in {@code QLearningConfiguration} or in {@code BaseTransitionTDAlgorithm.Configuration}
 * changes nothing for PreQN (it still clamps DQN if you swap back). RL4J's clamp of 1 capped every PreQN update at
 * alpha * 1 per pair and kept terminal values from being learned (docs/math.md#td-error-clamp). To clamp PreQN's
 * delta use {@link Builder#tdErrorClamp(double)}; to reproduce the old behaviour (clamp with RL4J's value) call
 * {@link Builder#inheritRl4jErrorClamp()}. RL4J's {@code doubleDQN} is ignored by PreQN too (logged once by
 * {@link PreQNDiscreteDense}; the builder pipeline chooses DQN or double DQN by its builder class, which PreQNBuilder
 * replaces): use {@link Builder#targetNetwork(boolean)} with {@link Builder#doubleQ(boolean)}.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param alpha         fraction of the TD error closed per step (eq. 21), in (0, 1]
 * @param eta           line-search acceptance threshold on cos(Q' - Q, delta), in [0, 1)
 * @param shrink        factor c applied to the step per failed trial, in (0, 1)
 * @param maxTrials     trial steps c^0 .. c^(maxTrials-1) before the failure policy applies, >= 1
 * @param damping       lambda = damping * max(mean(diag K), 0) in (K + lambda I) Z = delta, >= 0 and finite
 * @param targetNetwork bootstrap from a target network synchronised every RL4J {@code targetDqnUpdateFreq} updates
 *                      instead of from the online network
 * @param doubleQ       double-Q targets Q_target(s', argmax_a Q_online(s', a)); requires targetNetwork
 * @param failurePolicy what to do when no trial meets eta, never null
 * @param tdErrorClamp  bound on |delta_i| (docs/math.md#td-error-clamp), in (0, +Infinity]; {@link #TD_CLAMP_OFF}
 *                      (+Infinity, the default) clamps nothing. Ignored when {@code inheritRl4jErrorClamp}
 * @param inheritRl4jErrorClamp clamp delta with RL4J's own {@code errorClamp} instead (the behaviour before 0.2);
 *                      requires tdErrorClamp to be left at {@link #TD_CLAMP_OFF}
 * @param holdBootstrap experimental, not in the paper (docs/math.md#hold-bootstrap): also ask the step to leave
 *                      Q(s'_i, argmax_a Q(s'_i, a)) of every non-terminal transition unchanged; requires
 *                      targetNetwork false
 */
public record PreQNConfiguration(double alpha, double eta, double shrink, int maxTrials, double damping,
        boolean targetNetwork, boolean doubleQ, LineSearchFailurePolicy failurePolicy, double tdErrorClamp,
        boolean inheritRl4jErrorClamp, boolean holdBootstrap) {

    /** {@link #tdErrorClamp()} value that clamps nothing (the default): PreQN's delta is the raw TD error. */
    public static final double TD_CLAMP_OFF = Double.POSITIVE_INFINITY;

    /** Validates every field; messages name the field, the allowed range and the value received. */
    public PreQNConfiguration {
        if (!(alpha > 0.0 && alpha <= 1.0)) {   // written this way so that NaN fails too
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (!(eta >= 0.0 && eta < 1.0)) {
            throw new IllegalArgumentException("eta must be in [0, 1), got " + eta);
        }
        if (!(shrink > 0.0 && shrink < 1.0)) {
            throw new IllegalArgumentException("shrink must be in (0, 1), got " + shrink);
        }
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be >= 1, got " + maxTrials);
        }
        if (!(damping >= 0.0 && damping < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("damping must be in [0, +Infinity), got " + damping);
        }
        if (doubleQ && !targetNetwork) {
            throw new IllegalArgumentException("doubleQ must be false when targetNetwork is false (double-Q needs a "
                    + "second network), got doubleQ=true, targetNetwork=false");
        }
        Objects.requireNonNull(failurePolicy, "failurePolicy must be one of REJECT_STEP, KEEP_SMALLEST_TRIAL, got null");
        if (!(tdErrorClamp > 0.0)) {   // NaN fails too: "off" is +Infinity, never NaN
            throw new IllegalArgumentException("tdErrorClamp must be in (0, +Infinity] (+Infinity = off), got "
                    + tdErrorClamp);
        }
        if (inheritRl4jErrorClamp && tdErrorClamp != TD_CLAMP_OFF) {
            throw new IllegalArgumentException("tdErrorClamp must be +Infinity (off) when inheritRl4jErrorClamp is "
                    + "true (one clamp only), got tdErrorClamp=" + tdErrorClamp);
        }
        if (holdBootstrap && targetNetwork) {
            throw new IllegalArgumentException("holdBootstrap must be false when targetNetwork is true (the target "
                    + "network's bootstrap does not move with the step, so there is nothing to hold), got "
                    + "holdBootstrap=true, targetNetwork=true");
        }
    }

    /**
     * The |delta| bound PreQN applies, given RL4J's {@code errorClamp} (NaN = none, RL4J's convention): RL4J's value
     * when {@link #inheritRl4jErrorClamp()}, otherwise {@link #tdErrorClamp()} (NaN when that is off).
     *
     * @param rl4jErrorClamp RL4J's {@code QLearningConfiguration.errorClamp} / {@code BaseTransitionTDAlgorithm
     *                       .Configuration.errorClamp}
     * @return the bound, NaN for none
     */
    public double effectiveErrorClamp(double rl4jErrorClamp) {
        if (inheritRl4jErrorClamp) {
            return rl4jErrorClamp;
        }
        return tdErrorClamp == TD_CLAMP_OFF ? Double.NaN : tdErrorClamp;
    }

    /** The defaults described above. */
    public static PreQNConfiguration defaults() {
        return builder().build();
    }

    /** The line-search threshold the builder uses with {@link Builder#holdBootstrap(boolean)} when eta is not set. */
    public static final double HOLD_BOOTSTRAP_ETA = 0.5;

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. @since 0.1 */
    public static final class Builder {
        private double alpha = 0.1;
        private Double eta; // null: 0.95, or HOLD_BOOTSTRAP_ETA with holdBootstrap
        private double shrink = 0.5;
        private int maxTrials = 10;
        private double damping = 1e-6;
        private boolean targetNetwork = false;
        private boolean doubleQ = false;
        private LineSearchFailurePolicy failurePolicy = LineSearchFailurePolicy.REJECT_STEP;
        private double tdErrorClamp = TD_CLAMP_OFF;
        private boolean inheritRl4jErrorClamp = false;
        private boolean holdBootstrap = false;

        private Builder() {
        }

        /** Fraction of the TD error closed per step, in (0, 1]; default 0.1. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /**
         * Line-search threshold on the cosine, in [0, 1); default 0.95, or {@link #HOLD_BOOTSTRAP_ETA} (0.5) when
         * {@link #holdBootstrap(boolean)} is on and eta is not set.
         */
        public Builder eta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Step shrink factor per failed trial, in (0, 1); default 0.5. */
        public Builder shrink(double shrink) {
            this.shrink = shrink;
            return this;
        }

        /** Trials before the failure policy applies, >= 1; default 10. */
        public Builder maxTrials(int maxTrials) {
            this.maxTrials = maxTrials;
            return this;
        }

        /** Relative damping of K, >= 0; default 1e-6. */
        public Builder damping(double damping) {
            this.damping = damping;
            return this;
        }

        /** Bootstrap from a periodically synchronised target network; default false (paper). */
        public Builder targetNetwork(boolean targetNetwork) {
            this.targetNetwork = targetNetwork;
            return this;
        }

        /** Double-Q targets (needs targetNetwork); default false (paper). */
        public Builder doubleQ(boolean doubleQ) {
            this.doubleQ = doubleQ;
            return this;
        }

        /** Policy when no trial meets eta; default REJECT_STEP. */
        public Builder failurePolicy(LineSearchFailurePolicy failurePolicy) {
            this.failurePolicy = failurePolicy;
            return this;
        }

        /**
         * Clamp PreQN's delta to +-bound, in (0, +Infinity]; default {@link #TD_CLAMP_OFF}. Clears
         * {@link #inheritRl4jErrorClamp()}.
         */
        public Builder tdErrorClamp(double bound) {
            this.tdErrorClamp = bound;
            this.inheritRl4jErrorClamp = false;
            return this;
        }

        /** Clamp PreQN's delta with RL4J's own {@code errorClamp} (opt-in; the default ignores it). */
        public Builder inheritRl4jErrorClamp() {
            this.tdErrorClamp = TD_CLAMP_OFF;
            this.inheritRl4jErrorClamp = true;
            return this;
        }

        /**
         * Experimental bootstrap hold (docs/math.md#hold-bootstrap; not in the paper); default false. Unless
         * {@link #eta(double)} is set, it also lowers eta to {@link #HOLD_BOOTSTRAP_ETA}: the held pairs sit next to the
         * batch pairs (s' is one step from s), so the realised change on the batch is less parallel to delta, and at
         * eta 0.95 the line search rejected 97 % of updates on random-policy CartPole batches against 0 % at 0.5
         * (docs/results.md, {@code bench-update --hold-bootstrap [--eta 0.5]}).
         */
        public Builder holdBootstrap(boolean holdBootstrap) {
            this.holdBootstrap = holdBootstrap;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid field, its range and its value */
        public PreQNConfiguration build() {
            double lineSearchEta = eta != null ? eta : holdBootstrap ? HOLD_BOOTSTRAP_ETA : 0.95;
            return new PreQNConfiguration(alpha, lineSearchEta, shrink, maxTrials, damping, targetNetwork, doubleQ,
                    failurePolicy, tdErrorClamp, inheritRl4jErrorClamp, holdBootstrap);
        }
    }
}
