package dev.rl4j.lab.testbed;

/**
 * Tsitsiklis and Van Roy's example (docs/math.md#tsitsiklis-van-roy): the w -> 2w features (1 and 2), s1 -> s2,
 * and s2 loops to itself with probability 1 - eps (terminates otherwise), reward 0. Fitted value iteration with
 * least squares over both states multiplies w by gamma (6 - 4 eps) / 5 per iteration, so it diverges iff
 * gamma > 5 / (6 - 4 eps).
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TsitsiklisVanRoy {

    private TsitsiklisVanRoy() {
    }

    /**
     * One fitted value iteration step: targets T v(s1) = gamma 2w, T v(s2) = gamma (1 - eps) 2w, then the
     * least-squares fit w' = sum_s x(s) T v(s) / sum_s x(s)^2.
     */
    public static double fittedValueIterationStep(double w, double gamma, double eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("eps must be in [0, 1], got " + eps);
        }
        double t1 = gamma * TwoStateDoubling.X2 * w;
        double t2 = gamma * (1 - eps) * TwoStateDoubling.X2 * w;
        double x1 = TwoStateDoubling.X1;
        double x2 = TwoStateDoubling.X2;
        return (x1 * t1 + x2 * t2) / (x1 * x1 + x2 * x2);
    }

    /**
     * The chain as a two-pair batch for semi-gradient TD, one pair per state (single action 0): s1 -> s2, and
     * s2 -> s2, terminal with probability {@code eps} (drawn from {@code random}). Uniform weight on the two states is
     * the least-squares weight of fitted value iteration, so the expected semi-gradient update multiplies w by
     * 1 + alpha/2 (gamma (6 - 4 eps) - 5): the same critical gamma 5 / (6 - 4 eps).
     */
    public static dev.rl4j.lab.TransitionBatch batch(double eps, java.util.Random random) {
        boolean ends = eps > 0 && random.nextDouble() < eps;
        return new dev.rl4j.lab.TransitionBatch(new double[][] {{TwoStateDoubling.X1}, {TwoStateDoubling.X2}},
                new int[] {0, 0}, new double[] {0, 0}, new double[][] {{TwoStateDoubling.X2}, {TwoStateDoubling.X2}},
                new boolean[] {false, ends});
    }

    /** The known per-iteration factor gamma (6 - 4 eps) / 5. */
    public static double factor(double gamma, double eps) {
        return gamma * (6 - 4 * eps) / 5;
    }

    /** The divergence threshold on gamma: 5 / (6 - 4 eps). */
    public static double criticalGamma(double eps) {
        return 5 / (6 - 4 * eps);
    }
}
