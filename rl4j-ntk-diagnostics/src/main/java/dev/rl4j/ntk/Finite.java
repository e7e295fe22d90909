package dev.rl4j.ntk;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whether every entry of a vector, matrix or ND4J array is finite (neither NaN nor infinite): the one check used
 * wherever non-finite numbers must not reach parameters or metrics.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class Finite {

    private Finite() {
    }

    /** True when no entry of {@code v} is NaN or infinite. */
    public static boolean all(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** True when no entry of any row of {@code m} is NaN or infinite. */
    public static boolean all(double[][] m) {
        for (double[] row : m) {
            if (!all(row)) {
                return false;
            }
        }
        return true;
    }

    /** True when no entry of {@code a}, read in double, is NaN or infinite. Copies {@code a} to double first. */
    public static boolean all(INDArray a) {
        return all(a.castTo(DataType.DOUBLE).data().asDouble());
    }
}
