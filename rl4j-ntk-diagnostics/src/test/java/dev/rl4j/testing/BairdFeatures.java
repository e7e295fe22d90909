package dev.rl4j.testing;

/**
 * Baird's counterexample (docs/math.md#baird): seven states, eight features; upper state
 * i (0..5) has x_i = 2, x_8 = 1; the lower state has x_7 = 1, x_8 = 2.
 */
public final class BairdFeatures {

    private BairdFeatures() {
    }

    /** The 7 x 8 feature matrix, one row per state. */
    public static double[][] features() {
        double[][] phi = new double[7][8];
        for (int i = 0; i < 6; i++) {
            phi[i][i] = 2;
            phi[i][7] = 1;
        }
        phi[6][6] = 1;
        phi[6][7] = 2;
        return phi;
    }

    /** The classic initial weights w = (1,1,1,1,1,1,10,1) as an 8 x 1 weight matrix (one action). */
    public static double[][] initialWeights() {
        double[] w = {1, 1, 1, 1, 1, 1, 10, 1};
        double[][] out = new double[8][1];
        for (int i = 0; i < 8; i++) {
            out[i][0] = w[i];
        }
        return out;
    }
}
