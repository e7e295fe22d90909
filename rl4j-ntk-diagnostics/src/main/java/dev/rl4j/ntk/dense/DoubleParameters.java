package dev.rl4j.ntk.dense;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A double copy of the network's parameters, widened with one {@code assign} per call; each W_l is read in place in
 * DL4J's 'f' layout through a transposed BLAS call, each b_l from a heap copy.
 */
final class DoubleParameters {

    private final ParameterLayout layout;
    private final INDArray theta;
    private final DoubleBuffer values;
    private final DoublePointer[] weights;
    private final double[][] biases;

    DoubleParameters(ParameterLayout layout) {
        this.layout = layout;
        theta = Nd4j.create(DataType.DOUBLE, 1, layout.numParams());
        values = theta.data().asNioDouble();
        weights = new DoublePointer[layout.depth()];
        biases = new double[layout.depth()][];
        for (int l = 0; l < layout.depth(); l++) {
            LayerLayout layer = layout.layer(l);
            weights[l] = new DoublePointer(theta.data().addressPointer()).position(layer.weightOffset());
            biases[l] = new double[layer.bias() ? layer.out() : 0];
        }
    }

    /** Copies the network's current parameters (any floating type), widening them to double. */
    void refresh(INDArray params) {
        theta.assign(params);
        for (int l = 0; l < layout.depth(); l++) {
            values.get(Math.toIntExact(layout.layer(l).biasOffset()), biases[l]);
        }
    }

    /** All parameters, in the order of {@code params()}. */
    DoubleBuffer values() {
        return values;
    }

    /** W_l, col-major d_in x d_out (row-major W_l^T). */
    DoublePointer weights(int l) {
        return weights[l];
    }

    /** b_l (empty for a layer without bias). */
    double[] bias(int l) {
        return biases[l];
    }
}
