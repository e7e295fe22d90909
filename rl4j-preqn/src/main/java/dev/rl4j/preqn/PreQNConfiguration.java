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
 */
public record PreQNConfiguration(double alpha, double eta, double shrink, int maxTrials, double damping,
        boolean targetNetwork, boolean doubleQ, LineSearchFailurePolicy failurePolicy) {

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
    }

    /** The defaults described above. */
    public static PreQNConfiguration defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} validates. Not thread-safe. @since 0.1 */
    public static final class Builder {
        private double alpha = 0.1;
        private double eta = 0.95;
        private double shrink = 0.5;
        private int maxTrials = 10;
        private double damping = 1e-6;
        private boolean targetNetwork = false;
        private boolean doubleQ = false;
        private LineSearchFailurePolicy failurePolicy = LineSearchFailurePolicy.REJECT_STEP;

        private Builder() {
        }

        /** Fraction of the TD error closed per step, in (0, 1]; default 0.1. */
        public Builder alpha(double alpha) {
            this.alpha = alpha;
            return this;
        }

        /** Line-search threshold on the cosine, in [0, 1); default 0.95. */
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

        /** @throws IllegalArgumentException naming the first invalid field, its range and its value */
        public PreQNConfiguration build() {
            return new PreQNConfiguration(alpha, eta, shrink, maxTrials, damping, targetNetwork, doubleQ,
                    failurePolicy);
        }
    }
}
