package dev.rl4j.ntk.dense;

import static dev.rl4j.ntk.dense.Workspace.ptr;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The structured kernel of a dense stack (docs/math.md#dense-kernel): after one forward and one batched
 * backward pass in double,
 *
 * <pre>  K = sum_l (A_l A_l^T + 1) ⊙ (D_l D_l^T)</pre>
 *
 * where A_l (N x d_in) is the input of dense layer l and D_l (N x d_out) = dQ(s_i, a_i)/dz_l; the cross kernel is
 * the same sum with A'_l, D'_l of a second batch, and the weighted gradient sum_i w_i grad Q(s_i, a_i) is
 * dW_l = A_l^T diag(w) D_l, db_l = sum_i w_i D_l[i]. Only one triangle of each Gram is formed; the identity output
 * layer's D is one-hot, so its D D^T = [a_i == a_j]. All buffers are reused while the batch sizes stay the same.
 * Not thread-safe: one instance per thread.
 */
public final class DenseStackKernel {

    private final ParameterLayout layout;
    private final BatchPasses passes;
    private final ProductBuffers gramFactors = new ProductBuffers();
    private final ProductBuffers crossFactors = new ProductBuffers();
    private final ActionGroups groups;
    private final INDArray gradient; // weightedGradient's output, in the order of params()
    private final DoubleBuffer gradientValues;
    private final DoublePointer[] weightGradients; // dW_l inside gradient

    /** The kernel of {@code net}, whose parameters are laid out as {@code layout} says. */
    public DenseStackKernel(MultiLayerNetwork net, ParameterLayout layout) {
        this.layout = layout;
        passes = new BatchPasses(net, layout);
        LayerLayout output = layout.layer(layout.depth() - 1);
        groups = new ActionGroups(output.out(), output.in());
        gradient = Nd4j.create(DataType.DOUBLE, 1, layout.numParams());
        gradientValues = gradient.data().asNioDouble();
        weightGradients = new DoublePointer[layout.depth()];
        for (int l = 0; l < layout.depth(); l++) {
            weightGradients[l] = new DoublePointer(gradient.data().addressPointer()).position(layout.layer(l).weightOffset());
        }
    }

    /** K(X, X), a new N x N matrix. */
    public double[][] gram(INDArray states, int[] actions) {
        return gram(passes.first(states, actions));
    }

    /** K(A, B) = sum_l (A_l A'_l^T + 1) ⊙ (D_l D'_l^T), a new N_A x N_B matrix. */
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        Workspace a = passes.first(statesA, actionsA);
        return cross(a, passes.second(statesB, actionsB));
    }

    /** K(A, B) from the two batches' passes. */
    private double[][] cross(Workspace a, Workspace b) {
        double[][] k = new double[a.n][b.n];
        crossFactors.ensure(a.n, b.n);
        for (int l = 0; l < layout.depth(); l++) {
            LayerLayout layer = layout.layer(l);
            double[] aa = product(a.layer(l).a, b.layer(l).a, a.n, b.n, layer.in(), crossFactors.inputs,
                    crossFactors.inputsHeap); // A_l A'_l^T
            if (layout.oneHotSignal(l)) {
                addHadamardOneHot(k, aa, layer.biasTerm(), a.actions, b.actions); // D D'^T = [a_i == a'_j]
            } else {
                double[] dd = product(a.layer(l).d(), b.layer(l).d(), a.n, b.n, layer.out(), crossFactors.signals,
                        crossFactors.signalsHeap); // D_l D'_l^T
                addHadamard(k, aa, layer.biasTerm(), dd);
            }
        }
        return k;
    }

    /** sum_i w_i grad Q(s_i, a_i), a new array in the order of {@code params()}. */
    public double[] weightedGradient(INDArray states, int[] actions, double[] weights) {
        return weightedGradient(passes.first(states, actions), weights);
    }

    /** One batch after its passes: Gram and weighted gradients without another pass, until the next call. */
    public Prepared prepare(INDArray states, int[] actions) {
        Workspace batch = passes.first(states, actions);
        return new Prepared(batch, passes.generation());
    }

    /** A batch prepared by {@link #prepare}; refused once a later call has overwritten its buffers. */
    public final class Prepared {
        private final Workspace batch;
        private final long stamp;

        private Prepared(Workspace batch, long stamp) {
            this.batch = batch;
            this.stamp = stamp;
        }

        /** K(X, X) of the prepared batch, a new N x N matrix. */
        public double[][] gram() {
            check();
            return DenseStackKernel.this.gram(batch);
        }

        /**
         * K(A, X) between a second batch A (rows) and the prepared batch X (columns): only A's passes run, on the
         * parameters read by {@link #prepare}; X's are reused.
         */
        public double[][] crossFrom(INDArray statesA, int[] actionsA) {
            check();
            return DenseStackKernel.this.cross(passes.second(statesA, actionsA), batch);
        }

        /** sum_i w_i grad Q(s_i, a_i) of the prepared batch. */
        public double[] weightedGradient(double[] weights) {
            check();
            return DenseStackKernel.this.weightedGradient(batch, weights);
        }

        private void check() {
            if (passes.generation() != stamp) {
                throw new IllegalStateException("this prepared batch was overwritten by a later call on the engine; "
                        + "call prepare(...) again");
            }
        }
    }

    private double[][] gram(Workspace w) {
        int n = w.n;
        double[] k = new double[n * n]; // lower triangle of K, row-major
        gramFactors.ensure(n, n);
        for (int l = 0; l < layout.depth(); l++) {
            LayerLayout layer = layout.layer(l);
            if (layout.oneHotSignal(l)) {
                addOneHotTerm(w, l, k);
                continue;
            }
            double[] aa = lowerGram(w.layer(l).a, n, layer.in(), gramFactors.inputs, gramFactors.inputsHeap); // A_l A_l^T
            double[] dd = lowerGram(w.layer(l).d(), n, layer.out(), gramFactors.signals, gramFactors.signalsHeap); // D_l D_l^T
            double one = layer.biasTerm();
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = row; j <= row + i; j++) {
                    k[j] += (aa[j] + one) * dd[j]; // (A_l A_l^T + 1) ⊙ (D_l D_l^T), lower triangle
                }
            }
        }
        return LowerTriangle.mirrored(k, n);
    }

    /**
     * The identity output layer's term (A_L A_L^T + 1) ⊙ [a_i == a_j]: only pairs that took the same action
     * contribute, so A_L's rows are grouped by action and one dsyrk per group forms just those blocks (half the work
     * of a full dsyrk with two actions).
     */
    private void addOneHotTerm(Workspace w, int l, double[] k) {
        LayerLayout layer = layout.layer(l);
        int n = w.n;
        int d = layer.in();
        groups.group(w.actions, w.layer(l).a);
        double[] aa = gramFactors.inputsHeap;
        double one = layer.biasTerm();
        for (int action = 0; action < layer.out(); action++) {
            int s = groups.first(action);
            int g = groups.size(action);
            if (g == 0) {
                continue;
            }
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, g, d, 1.0, groups.rows(action), d, 0.0,
                    ptr(gramFactors.inputs), g);
            gramFactors.inputs.data().asNioDouble().get(0, aa, 0, g * g);
            for (int i = 0; i < g; i++) {
                int oi = groups.row(s + i);
                for (int j = 0; j <= i; j++) {
                    int oj = groups.row(s + j);
                    int idx = oi >= oj ? oi * n + oj : oj * n + oi;
                    k[idx] += aa[i * g + j] + one; // (A_L A_L^T + 1) ⊙ [a_i == a_j]
                }
            }
        }
    }

    private double[] weightedGradient(Workspace w, double[] weights) {
        int n = w.n;
        gradient.assign(0.0);
        DoubleBuffer g = gradientValues;
        for (int l = 0; l < layout.depth(); l++) {
            LayerLayout layer = layout.layer(l);
            int m = layer.out();
            INDArray wd = w.layer(l).weightedSignal(); // diag(w) D_l
            DoubleBuffer wdBuf = wd.data().asNioDouble();
            if (layout.oneHotSignal(l)) {
                wd.assign(0.0);
                for (int i = 0; i < n; i++) {
                    wdBuf.put(i * m + w.actions[i], weights[i]);
                }
            } else {
                DoubleBuffer d = w.layer(l).d().data().asNioDouble();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        wdBuf.put(i * m + j, weights[i] * d.get(i * m + j));
                    }
                }
            }
            // dW_l = A_l^T diag(w) D_l, written col-major ('f' order, as DL4J flattens W) straight into place
            cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, layer.in(), m, n, 1.0, ptr(w.layer(l).a), layer.in(),
                    ptr(wd), m, 0.0, weightGradients[l], layer.in());
            if (layer.bias()) {
                int b = Math.toIntExact(layer.biasOffset());
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        g.put(b + j, g.get(b + j) + wdBuf.get(i * m + j)); // db_l = sum_i w_i D_l[i]
                    }
                }
            }
        }
        double[] out = new double[Math.toIntExact(layout.numParams())];
        g.get(0, out);
        return out;
    }

    /** X X^T (N x N, lower triangle, row-major) by one dsyrk, copied to {@code heap}. */
    private static double[] lowerGram(INDArray x, int n, int width, INDArray offHeap, double[] heap) {
        cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, width, 1.0, ptr(x), width, 0.0, ptr(offHeap), n);
        offHeap.data().asNioDouble().get(0, heap);
        return heap;
    }

    /** X Y^T (rows x cols, row-major) by one dgemm, copied to {@code heap}. */
    private static double[] product(INDArray x, INDArray y, int rows, int cols, int width, INDArray offHeap,
            double[] heap) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, width, 1.0, ptr(x), width, ptr(y), width, 0.0,
                ptr(offHeap), cols);
        offHeap.data().asNioDouble().get(0, heap);
        return heap;
    }

    /** k += (aa + one) ⊙ dd, all row-major with k's shape. */
    private static void addHadamard(double[][] k, double[] aa, double one, double[] dd) {
        int cols = k[0].length;
        for (int i = 0; i < k.length; i++) {
            double[] row = k[i];
            for (int j = 0; j < cols; j++) {
                int idx = i * cols + j;
                row[j] += (aa[idx] + one) * dd[idx];
            }
        }
    }

    /** k += (aa + one) ⊙ [actionsA_i == actionsB_j]. */
    private static void addHadamardOneHot(double[][] k, double[] aa, double one, int[] actionsA, int[] actionsB) {
        int cols = k[0].length;
        for (int i = 0; i < k.length; i++) {
            double[] row = k[i];
            for (int j = 0; j < cols; j++) {
                row[j] += (aa[i * cols + j] + one) * (actionsA[i] == actionsB[j] ? 1.0 : 0.0);
            }
        }
    }
}
