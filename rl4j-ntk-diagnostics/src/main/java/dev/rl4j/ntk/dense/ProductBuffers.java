package dev.rl4j.ntk.dense;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reused buffers for the two factors of one kernel term, the input product A A'^T and the signal product D D'^T
 * (rows x cols each): off-heap for BLAS, with heap copies for the fused element-wise pass (it vectorises on arrays,
 * not on NIO buffers). Reallocated only when the shape changes.
 */
final class ProductBuffers {

    private int rows = -1;
    private int cols = -1;
    INDArray inputs;
    INDArray signals;
    double[] inputsHeap;
    double[] signalsHeap;

    /** Makes the buffers rows x cols, reusing the current ones when they already are. */
    void ensure(int rows, int cols) {
        if (rows == this.rows && cols == this.cols) {
            return;
        }
        this.rows = rows;
        this.cols = cols;
        inputs = Nd4j.create(DataType.DOUBLE, rows, cols);
        signals = Nd4j.create(DataType.DOUBLE, rows, cols);
        inputsHeap = new double[rows * cols];
        signalsHeap = new double[rows * cols];
    }
}
