package dev.rl4j.ntk.dense;

import static dev.rl4j.ntk.dense.Workspace.ptr;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;

import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * The batched backward pass: D_l = dQ(s_i, a_i)/dz_l for every layer and every pair at once, by the chain rule
 * eps_{l-1} = D_l W_l^T, D_{l-1} = sigma'_{l-1}(z_{l-1}) ⊙ eps_{l-1}, seeded at the output with the one-hot of the
 * actions. Runs after {@link ForwardPass} on the same workspace; D_l overwrites z_l off-heap.
 */
record BackwardPass(ParameterLayout layout, DoubleParameters theta) {

    /** Runs on a workspace whose forward pass has run and whose {@code actions} are set. */
    void run(Workspace w) {
        int last = layout.depth() - 1;
        if (!layout.oneHotSignal(last)) {
            seed(w, last);
            derivative(w, last);
        }
        for (int l = last; l >= 1; l--) {
            propagate(w, l);
            derivative(w, l - 1);
        }
    }

    /** eps_L = one-hot of each sample's action (dQ(s_i, a_i)/dQ). */
    private void seed(Workspace w, int last) {
        int n = w.n;
        int m = layout.layer(last).out();
        double[] e = w.scratch2;
        Arrays.fill(e, 0, n * m, 0.0);
        for (int i = 0; i < n; i++) {
            e[i * m + w.actions[i]] = 1.0;
        }
        w.layer(last).eps.data().asNioDouble().put(0, e, 0, n * m);
    }

    /** eps_{l-1} = D_l W_l^T: the signal at the output of layer l-1. */
    private void propagate(Workspace w, int l) {
        int n = w.n;
        LayerLayout layer = layout.layer(l);
        int k = layer.in();
        int m = layer.out();
        Workspace.Layer below = w.layer(l - 1);
        if (layout.oneHotSignal(l)) {
            DoubleBuffer e = below.eps.data().asNioDouble();
            int offset = Math.toIntExact(layer.weightOffset());
            for (int i = 0; i < n; i++) { // one-hot D: row i of D W^T is column a_i of W (col-major: contiguous)
                e.put(i * k, theta.values(), offset + w.actions[i] * k, k);
            }
        } else {
            // W_l is row-major (d_out x d_in) as stored, so D_l (N x d_out) times it is D_l W_l^T (N x d_in)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, k, m, 1.0, ptr(w.layer(l).d()), m, theta.weights(l),
                    k, 0.0, ptr(below.eps), k);
        }
    }

    /** D_l = sigma'(z_l) ⊙ eps_l. */
    private void derivative(Workspace w, int l) {
        LayerLayout layer = layout.layer(l);
        layer.activation().derivative(layer.function(), w.layer(l), w.scratch, w.scratch2);
    }
}
