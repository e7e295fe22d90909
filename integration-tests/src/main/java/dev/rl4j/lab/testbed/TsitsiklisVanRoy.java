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

    /** The known per-iteration factor gamma (6 - 4 eps) / 5. */
    public static double factor(double gamma, double eps) {
        return gamma * (6 - 4 * eps) / 5;
    }

    /** The divergence threshold on gamma: 5 / (6 - 4 eps). */
    public static double criticalGamma(double eps) {
        return 5 / (6 - 4 * eps);
    }
}
