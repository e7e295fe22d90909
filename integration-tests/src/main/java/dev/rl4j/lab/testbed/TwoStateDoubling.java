package dev.rl4j.lab.testbed;

import dev.rl4j.lab.TransitionBatch;

/**
 * The "w -> 2w" example (Sutton and Barto, Section 11.2; docs/math.md#w-2w): two states with scalar features 1 and 2,
 * one transition s1 -> s2 with reward 0, value v(s) = w x(s). Semi-gradient TD on that transition multiplies w by
 * 1 + alpha (2 gamma - 1) per update, so it diverges iff gamma > 0.5 (for any alpha > 0). The NTK view agrees:
 * K(s1, s1) = 1, K(s2, s1) = 2, and SEEM = gamma K(X*, X) - K(X, X) = 2 gamma - 1 changes sign at gamma = 0.5.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TwoStateDoubling {

    /** Feature of the first state. */
    public static final double X1 = 1.0;
    /** Feature of the second state. */
    public static final double X2 = 2.0;

    private TwoStateDoubling() {
    }

    /** One semi-gradient TD update on s1 -> s2: w' = w + alpha (gamma 2w - w) * 1. */
    public static double tdStep(double w, double alpha, double gamma) {
        double delta = gamma * X2 * w - X1 * w;
        return w + alpha * delta * X1;
    }

    /** The known per-update factor 1 + alpha (2 gamma - 1). */
    public static double tdFactor(double alpha, double gamma) {
        return 1 + alpha * (2 * gamma - 1);
    }

    /** The transition s1 -> s2 as a one-pair batch (single action 0). */
    public static TransitionBatch batch() {
        return new TransitionBatch(new double[][] {{X1}}, new int[] {0}, new double[] {0}, new double[][] {{X2}},
                new boolean[] {false});
    }
}
