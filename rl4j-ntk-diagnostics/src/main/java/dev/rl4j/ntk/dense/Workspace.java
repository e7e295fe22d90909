package dev.rl4j.ntk.dense;

import org.bytedeco.javacpp.DoublePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The off-heap DOUBLE buffers of one batch of N (state, action) pairs, allocated once and reused while N stays the
 * same: BLAS is called directly on their memory, because ND4J's per-op overhead and Java-array marshalling
 * dominated at N = 32. All matrices are row-major.
 */
final class Workspace {

    /** Buffers of dense layer l. */
    static final class Layer {
        /** A_l, the input of layer l: N x d_in. */
        final INDArray a;
        /** z_l = A_l W_l + b_l (N x d_out), overwritten by D_l = dQ/dz_l in the backward pass. */
        final INDArray z;
        /** z_l on the heap (the bias is added here: an ND4J row-vector op cost 0.1 ms at N = 32). */
        final double[] zHeap;
        /** eps_l = dQ/d(output of layer l): N x d_out. */
        final INDArray eps;
        /** diag(w) D_l for the weighted gradient, allocated on first use. */
        private INDArray weightedSignal;

        Layer(int n, LayerLayout layout) {
            a = Nd4j.create(DataType.DOUBLE, n, layout.in());
            z = Nd4j.create(DataType.DOUBLE, n, layout.out());
            eps = Nd4j.create(DataType.DOUBLE, n, layout.out());
            zHeap = new double[n * layout.out()];
        }

        /** D_l, valid after the backward pass (not for a one-hot output layer, whose z keeps Q). */
        INDArray d() {
            return z;
        }

        INDArray weightedSignal() {
            if (weightedSignal == null) {
                weightedSignal = Nd4j.create(DataType.DOUBLE, z.rows(), z.columns());
            }
            return weightedSignal;
        }
    }

    final int n;
    private final Layer[] layers;
    /** N x (widest layer) heap scratch, twice. */
    final double[] scratch;
    final double[] scratch2;
    /** The batch's actions, set by the forward pass. */
    int[] actions;

    Workspace(ParameterLayout layout, int n) {
        this.n = n;
        layers = new Layer[layout.depth()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(n, layout.layer(l));
        }
        scratch = new double[n * layout.maxWidth()];
        scratch2 = new double[n * layout.maxWidth()];
    }

    Layer layer(int l) {
        return layers[l];
    }

    /** The memory of an off-heap DOUBLE array, for BLAS. */
    static DoublePointer ptr(INDArray x) {
        return (DoublePointer) x.data().addressPointer();
    }
}
