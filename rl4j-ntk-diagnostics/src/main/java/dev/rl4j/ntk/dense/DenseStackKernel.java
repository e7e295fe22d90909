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
 * layer's D is one-hot, so its D D^T = [a_i == a_j] and only the blocks of equal actions are formed, in the Gram
 * and in the cross kernel. All buffers are reused while the batch sizes stay the same. Not thread-safe: one instance
 * per thread.
 */
public final class DenseStackKernel {

    private final ParameterLayout layout;
    private final BatchPasses passes;
    private final ProductBuffers gramFactors = new ProductBuffers();
    private final ProductBuffers crossFactors = new ProductBuffers();
    private final ActionGroups rowGroups; // the output layer's A_L rows by action: K's, or the rows of K(A, B)
    private final ActionGroups columnGroups; // the columns of K(A, B)
    private final INDArray gradient; // weightedGradient's output, in the order of params()
    private final DoubleBuffer gradientValues;
    private final DoublePointer[] weightGradients; // dW_l inside gradient
    private final boolean layerForLayer; // the dense layers are the network's layers, the last an identity output

    /** The kernel of {@code net}, whose parameters are laid out as {@code layout} says. */
    public DenseStackKernel(MultiLayerNetwork net, ParameterLayout layout) {
        this.layout = layout;
        passes = new BatchPasses(net, layout);
        LayerLayout output = layout.layer(layout.depth() - 1);
        layerForLayer = net.getnLayers() == layout.depth() && layout.oneHotSignal(layout.depth() - 1);
        rowGroups = new ActionGroups(output.out(), output.in());
        columnGroups = new ActionGroups(output.out(), output.in());
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
            if (layout.oneHotSignal(l)) {
                addOneHotCrossTerm(a, b, l, k); // D D'^T = [a_i == a'_j]
                continue;
            }
            LayerLayout layer = layout.layer(l);
            double[] aa = product(a.layer(l).a, b.layer(l).a, a.n, b.n, layer.in(), crossFactors.inputs,
                    crossFactors.inputsHeap); // A_l A'_l^T
            double[] dd = product(a.layer(l).d(), b.layer(l).d(), a.n, b.n, layer.out(), crossFactors.signals,
                    crossFactors.signalsHeap); // D_l D'_l^T
            addHadamard(k, aa, layer.biasTerm(), dd);
        }
        return k;
    }

    /**
     * The identity output layer's cross term (A_L A'_L^T + 1) ⊙ [a_i == a'_j]: only pairs with equal actions
     * contribute, so the rows of both batches' A_L are grouped by action and one dgemm per action forms just those
     * blocks (half the work of the full product with two actions).
     */
    private void addOneHotCrossTerm(Workspace a, Workspace b, int l, double[][] k) {
        LayerLayout layer = layout.layer(l);
        int d = layer.in();
        rowGroups.group(a.actions, a.layer(l).a);
        columnGroups.group(b.actions, b.layer(l).a);
        double[] aa = crossFactors.inputsHeap;
        DoubleBuffer block = crossFactors.inputs.data().asNioDouble();
        double one = layer.biasTerm();
        for (int action = 0; action < layer.out(); action++) {
            int rows = rowGroups.size(action);
            int cols = columnGroups.size(action);
            if (rows == 0 || cols == 0) {
                continue;
            }
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, cols, d, 1.0, rowGroups.rows(action), d,
                    columnGroups.rows(action), d, 0.0, ptr(crossFactors.inputs), cols);
            block.get(0, aa, 0, rows * cols);
            int r0 = rowGroups.first(action);
            int c0 = columnGroups.first(action);
            for (int i = 0; i < rows; i++) {
                double[] row = k[rowGroups.row(r0 + i)];
                for (int j = 0; j < cols; j++) {
                    row[columnGroups.row(c0 + j)] += aa[i * cols + j] + one; // (A_L A'_L^T + 1) where a_i == a'_j
                }
            }
        }
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

    /**
     * The forward passes of a transition batch, its states s_i (batch X) and next states s'_i, on the network's
     * parameters as they are now: Q and the hidden activations of both, before any backward pass. The backward
     * halves run once the actions are known ({@link Transitions#prepare}, then {@link Transitions#crossNext}), so
     * a caller can pick the next-state actions from Q(s', .) and check Q's finiteness in between.
     */
    public Transitions transitions(INDArray states, INDArray nextStates) {
        if (!supportsTransitions()) {
            throw new IllegalStateException("transitions(...) needs a stack whose layers are the network's layers, "
                    + "ending in an identity output layer; see supportsTransitions()");
        }
        Workspace x = passes.forwardOnly(BatchPasses.Slot.PRIMARY, states);
        Workspace next = passes.forwardOnly(BatchPasses.Slot.NEXT_STATES, nextStates);
        return new Transitions(x, next, passes.generation());
    }

    /**
     * True when {@link #transitions} is available: every layer of the network is a dense layer of the stack (no
     * trailing {@code LossLayer}, so hidden layer h is the network's layer h) and the output layer's activation is
     * the identity (so Q is its z_L).
     */
    public boolean supportsTransitions() {
        return layerForLayer;
    }

    /**
     * A transition batch after the forward passes of {@link #transitions}; refused once a later call has overwritten
     * its buffers. Each backward half runs at most once.
     */
    public final class Transitions {
        private final Workspace x;
        private final Workspace next;
        private final long stamp;
        private Prepared prepared;
        private boolean crossed;

        private Transitions(Workspace x, Workspace next, long stamp) {
            this.x = x;
            this.next = next;
            this.stamp = stamp;
        }

        /** Q(s_i, .), a new N x (actions) matrix: the output layer's z_L = A_L W_L + b_L. */
        public double[][] q() {
            check();
            return outputs(x);
        }

        /** Q(s'_i, .), a new N x (actions) matrix. */
        public double[][] qNext() {
            check();
            return outputs(next);
        }

        /** Number of hidden layers (every dense layer below the output layer). */
        public int hiddenLayers() {
            return layout.depth() - 1;
        }

        /** The output sigma_h(z_h) of hidden layer h in [0, hiddenLayers()) for s_i, a new N x d_out matrix. */
        public double[][] hidden(int h) {
            check();
            return hiddenOutput(x, h);
        }

        /** The output of hidden layer h for s'_i, a new N x d_out matrix. */
        public double[][] hiddenNext(int h) {
            check();
            return hiddenOutput(next, h);
        }

        /**
         * The backward half over X = (s_i, actions_i): K(X, X) and the weighted gradient without another forward
         * pass. Runs once.
         */
        public Prepared prepare(int[] actions) {
            check();
            if (prepared != null) {
                throw new IllegalStateException("prepare(actions) runs once per transition batch");
            }
            passes.backward(x, actions);
            prepared = new Prepared(x, stamp);
            return prepared;
        }

        /**
         * K(X*, X) with X* = (s'_i, nextActions_i), from the kept forward pass of s'_i and one backward pass; every
         * row is evaluated (the caller zeroes what its rule says). Runs once, after {@link #prepare}.
         */
        public double[][] crossNext(int[] nextActions) {
            check();
            if (prepared == null) {
                throw new IllegalStateException("crossNext needs the prepared batch X: call prepare(actions) first");
            }
            if (crossed) {
                throw new IllegalStateException("crossNext(nextActions) runs once per transition batch");
            }
            crossed = true;
            passes.backward(next, nextActions);
            return cross(next, x);
        }

        private void check() {
            if (passes.generation() != stamp) {
                throw new IllegalStateException("these transition passes were overwritten by a later call on the "
                        + "engine; call transitions(...) again");
            }
        }

        private double[][] outputs(Workspace w) {
            LayerLayout output = layout.layer(layout.depth() - 1);
            return rows(w.layer(layout.depth() - 1).zHeap, w.n, output.out());
        }

        private double[][] hiddenOutput(Workspace w, int h) {
            if (h < 0 || h >= hiddenLayers()) {
                throw new IllegalArgumentException("hidden layer must be in [0, " + hiddenLayers() + "), got " + h);
            }
            int width = layout.layer(h).out();
            double[] flat = new double[w.n * width];
            w.layer(h + 1).a.data().asNioDouble().get(0, flat); // A_{h+1}, the next layer's input
            return rows(flat, w.n, width);
        }
    }

    /** The rows of a row-major n x width array, copied. */
    private static double[][] rows(double[] flat, int n, int width) {
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * width, out[i], 0, width);
        }
        return out;
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
        rowGroups.group(w.actions, w.layer(l).a);
        double[] aa = gramFactors.inputsHeap;
        double one = layer.biasTerm();
        for (int action = 0; action < layer.out(); action++) {
            int s = rowGroups.first(action);
            int g = rowGroups.size(action);
            if (g == 0) {
                continue;
            }
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, g, d, 1.0, rowGroups.rows(action), d, 0.0,
                    ptr(gramFactors.inputs), g);
            gramFactors.inputs.data().asNioDouble().get(0, aa, 0, g * g);
            for (int i = 0; i < g; i++) {
                int oi = rowGroups.row(s + i);
                for (int j = 0; j <= i; j++) {
                    int oj = rowGroups.row(s + j);
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
}
