package dev.rl4j.ntk.dense;

import static dev.rl4j.ntk.dense.Workspace.ptr;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The rows of a batch grouped by action (a stable counting sort), with the output layer's input A_L copied in that
 * order, so that the rows of one action are contiguous. Buffers are reused while N stays the same.
 */
final class ActionGroups {

    private final int numActions;
    private final int width;
    private final int[] start;
    private final int[] fill;
    private int n = -1;
    private int[] order;
    private INDArray grouped;
    private DoublePointer block;

    /** For {@code numActions} actions and an output layer of input width {@code width}. */
    ActionGroups(int numActions, int width) {
        this.numActions = numActions;
        this.width = width;
        start = new int[numActions + 1];
        fill = new int[numActions + 1];
    }

    /** Groups the rows of {@code a} (N x width, off-heap) by {@code actions}. */
    void group(int[] actions, INDArray a) {
        if (actions.length != n) {
            n = actions.length;
            order = new int[n];
            grouped = Nd4j.create(DataType.DOUBLE, n, width);
            block = new DoublePointer(ptr(grouped));
        }
        Arrays.fill(start, 0);
        for (int action : actions) {
            start[action + 1]++;
        }
        for (int action = 0; action < numActions; action++) {
            start[action + 1] += start[action];
        }
        System.arraycopy(start, 0, fill, 0, start.length);
        for (int i = 0; i < n; i++) {
            order[fill[actions[i]]++] = i;
        }
        DoubleBuffer src = a.data().asNioDouble();
        DoubleBuffer dst = grouped.data().asNioDouble();
        for (int r = 0; r < n; r++) {
            dst.put(r * width, src, order[r] * width, width);
        }
    }

    /** Position in the grouped order of the first row of {@code action}. */
    int first(int action) {
        return start[action];
    }

    /** Number of rows that took {@code action}. */
    int size(int action) {
        return start[action + 1] - start[action];
    }

    /** The batch row at position {@code r} of the grouped order. */
    int row(int r) {
        return order[r];
    }

    /** The grouped rows of {@code action}: size(action) x width, row-major, for BLAS. */
    DoublePointer rows(int action) {
        return block.position((long) start[action] * width);
    }
}
