package dev.rl4j.ntk.dense;

/** A symmetric matrix given by its lower triangle, row-major in an N x N array (as {@code dsyrk} leaves it). */
public final class LowerTriangle {

    private LowerTriangle() {
    }

    /** The full N x N matrix, the lower triangle mirrored in cache-sized tiles. */
    public static double[][] mirrored(double[] lower, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lower, i * n, out[i], 0, i + 1);
        }
        final int tile = 32;
        for (int ib = 0; ib < n; ib += tile) {
            for (int jb = 0; jb <= ib; jb += tile) {
                for (int i = ib; i < Math.min(n, ib + tile); i++) {
                    double[] row = out[i];
                    for (int j = jb; j < Math.min(i, jb + tile); j++) {
                        out[j][i] = row[j];
                    }
                }
            }
        }
        return out;
    }
}
