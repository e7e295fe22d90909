package dev.rl4j.ntk;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The rows of a rank-2 ND4J array as {@code double[][]}, from one bulk copy. {@code INDArray.toDoubleMatrix()} reads
 * row by row through a tensor-along-dimension view and a dup each; it took 26-90 ms for a 256 x 100 array and more
 * than the forward pass in PreQN's update (JFR, docs/results.md).
 *
 * <p>Stability: experimental. @since 0.2
 */
public final class DoubleRows {

    private DoubleRows() {
    }

    /** The rows of {@code a} widened to double; {@code a} is not modified. */
    public static double[][] of(INDArray a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("expected a rank-2 array, got shape " + Arrays.toString(a.shape()));
        }
        int r = Math.toIntExact(a.rows());
        int cols = Math.toIntExact(a.columns());
        INDArray d = a.castTo(DataType.DOUBLE);
        if (d.isView() || d.ordering() != 'c' || d.data().length() != d.length()) {
            d = d.dup('c');
        }
        double[] flat = d.data().asDouble();
        double[][] out = new double[r][cols];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }
}
