package dev.rl4j.ntk.dense;

import static dev.rl4j.ntk.dense.Workspace.ptr;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import java.nio.DoubleBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** z_l = A_l W_l + b_l and A_{l+1} = sigma_l(z_l), layer by layer, in double on the workspace buffers. */
record ForwardPass(ParameterLayout layout, DoubleParameters theta) {

    /**
     * Runs the batch ({@code states} N x d_in of any floating type). Afterwards A_l holds every layer's input and
     * the heap z_l every layer's pre-activation with bias (the output layer's is Q), for the backward pass.
     */
    void run(Workspace w, INDArray states) {
        int n = w.n;
        w.layer(0).a.assign(states); // widens a float batch to double
        for (int l = 0; l < layout.depth(); l++) {
            LayerLayout layer = layout.layer(l);
            Workspace.Layer buffers = w.layer(l);
            int k = layer.in();
            int m = layer.out();
            // z_l = A_l W_l + b_l; W_l is col-major d_in x d_out, i.e. row-major (W_l^T), hence Trans
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, m, k, 1.0, ptr(buffers.a), k, theta.weights(l), k, 0.0,
                    ptr(buffers.z), m);
            double[] z = buffers.zHeap;
            DoubleBuffer zBuf = buffers.z.data().asNioDouble();
            zBuf.get(0, z);
            if (layer.bias()) {
                double[] b = theta.bias(l);
                for (int i = 0; i < n; i++) {
                    int row = i * m;
                    for (int j = 0; j < m; j++) {
                        z[row + j] += b[j];
                    }
                }
            }
            if (layer.activation().readsOffHeapPreActivation()) {
                zBuf.put(0, z);
            }
            if (l + 1 < layout.depth()) {
                layer.activation().forward(layer.function(), buffers, w.layer(l + 1).a, w.scratch);
            }
        }
    }
}
