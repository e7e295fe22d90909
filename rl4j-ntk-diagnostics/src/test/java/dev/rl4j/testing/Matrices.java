package dev.rl4j.testing;

/** Reference products and comparisons on plain {@code double[][]}, written as the definitions. */
public final class Matrices {

    private Matrices() {
    }

    /** K = G G^T for the rows of G. */
    public static double[][] gram(double[][] g) {
        return gram(g, g);
    }

    /** K[i][j] = a_i . b_j. */
    public static double[][] gram(double[][] a, double[][] b) {
        double[][] k = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int f = 0; f < a[i].length; f++) {
                    s += a[i][f] * b[j][f];
                }
                k[i][j] = s;
            }
        }
        return k;
    }

    /** max |a - b| / max |b|. */
    public static double maxRelativeDiff(double[][] a, double[][] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                diff = Math.max(diff, Math.abs(a[i][j] - b[i][j]));
                scale = Math.max(scale, Math.abs(b[i][j]));
            }
        }
        return diff / scale;
    }

    /** max |a - b| / max |b| of two vectors. */
    public static double maxRelativeDiff(double[] a, double[] b) {
        return maxRelativeDiff(new double[][] {a}, new double[][] {b});
    }
}
