package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The structured path (docs/math.md#dense-kernel): one forward pass and one batched backward pass in double, then
 *
 * <pre>  K = sum_l (A_l A_l^T + 1) ⊙ (D_l D_l^T)</pre>
 *
 * where A_l (N x d_in) is the input of dense layer l and D_l (N x d_out) = dQ(s_i, a_i)/dz_l.
 *
 * <p>Implementation choices, each made by measurement on the 2-core CI machine (baseline in docs/math.md#dense-kernel):
 * <ul>
 *   <li>all work buffers are off-heap DOUBLE INDArrays, allocated once per batch size and reused; OpenBLAS is called
 *       directly on their memory ({@code cblas_dgemm}/{@code cblas_dsyrk}, the library ND4J itself links), because
 *       ND4J's per-op overhead and Java-array marshalling dominated at N = 32;</li>
 *   <li>the network's parameters are widened to double with one {@code assign} per call, and each layer's W is read
 *       in place in DL4J's 'f' layout (col-major d_in x d_out) through a transposed BLAS call;</li>
 *   <li>only one triangle of each Gram is formed; the output layer's D is one-hot, so D D^T = [a_i == a_j];</li>
 *   <li>activations and their derivatives are the network's own {@link IActivation}s (custom ones included), run in
 *       place on those buffers: as fast as a plain Java loop for ReLU and far faster for its derivative (branchy
 *       loops did not vectorise: 0.27 ms against 0.06 ms for 65k elements);</li>
 *   <li>the element-wise fusion runs on heap copies of the Grams (vectorised), not on NIO buffers.</li>
 * </ul>
 * Not thread-safe: one instance per thread.
 */
final class DenseStackKernel implements EmpiricalNtk.KernelPath {

    private final MultiLayerNetwork net;
    private final int layers;
    private final int[] din;
    private final int[] dout;
    private final boolean[] bias;
    private final IActivation[] act;
    private final long[] wOffset; // offset of W_l in params(), 'f' order
    private final long[] bOffset; // offset of b_l in params()
    private final boolean identityOutput;
    private final Elementwise[] kind;
    private final double[][] biasHeap; // b_l, refreshed on every call

    /** How a layer's activation and derivative are evaluated. */
    private enum Elementwise {
        /** z itself; derivative 1. */
        IDENTITY,
        /** max(0, z) in a vectorised heap loop; derivative [z > 0] by a branch-free mask (a branchy loop cost 4x). */
        RELU,
        /** The layer's own {@link IActivation} run by ND4J in place on the off-heap buffers (any activation). */
        GENERIC
    }
    private final INDArray theta; // double copy of params(), refreshed on every call
    private final DoubleBuffer thetaBuf;
    private final INDArray grad; // weightedGradient's output buffer, reused
    private final DoublePointer[] wPtr;
    private final Pass[] passes = new Pass[2];
    private long generation; // bumped by every pass: prepared batches check it

    DenseStackKernel(MultiLayerNetwork net, NetworkInspection inspection) {
        this.net = net;
        List<FeedForwardLayer> dense = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (!(conf instanceof LossLayer)) { // a LossLayer has identity activation (checked) and no parameters
                dense.add((FeedForwardLayer) conf);
            }
        }
        layers = dense.size();
        din = new int[layers];
        dout = new int[layers];
        bias = new boolean[layers];
        act = new IActivation[layers];
        wOffset = new long[layers];
        bOffset = new long[layers];
        long offset = 0;
        for (int l = 0; l < layers; l++) {
            FeedForwardLayer ff = dense.get(l);
            din[l] = Math.toIntExact(ff.getNIn());
            dout[l] = Math.toIntExact(ff.getNOut());
            bias[l] = ff instanceof DenseLayer d ? d.hasBias() : !(ff instanceof BaseOutputLayer o) || o.hasBias();
            act[l] = ((BaseLayer) ff).getActivationFn();
            wOffset[l] = offset; // DL4J's DefaultParamInitializer: W then b, layer by layer
            offset += (long) din[l] * dout[l];
            bOffset[l] = offset;
            offset += bias[l] ? dout[l] : 0;
        }
        if (offset != net.numParams()) {
            throw new IllegalArgumentException("structured NTK expects " + offset + " parameters (W and b of each "
                    + "dense layer) but the network has " + net.numParams());
        }
        identityOutput = act[layers - 1] instanceof ActivationIdentity;
        kind = new Elementwise[layers];
        biasHeap = new double[layers][];
        for (int l = 0; l < layers; l++) {
            kind[l] = act[l] instanceof ActivationIdentity ? Elementwise.IDENTITY
                    : act[l] instanceof ActivationReLU relu && isPlainRelu(relu) ? Elementwise.RELU : Elementwise.GENERIC;
            biasHeap[l] = new double[bias[l] ? dout[l] : 0];
        }
        theta = Nd4j.create(DataType.DOUBLE, 1, net.numParams());
        thetaBuf = theta.data().asNioDouble();
        grad = Nd4j.create(DataType.DOUBLE, 1, net.numParams());
        wPtr = new DoublePointer[layers];
        for (int l = 0; l < layers; l++) {
            wPtr[l] = new DoublePointer(theta.data().addressPointer()).position(wOffset[l]);
        }
    }

    /** Off-heap buffers of one batch: activations, pre-activations / signals, reused while N stays the same. */
    private final class Pass {
        final int n;
        final INDArray[] a = new INDArray[layers]; // a[l]: input of layer l, N x din[l], row-major
        final INDArray[] z = new INDArray[layers]; // z[l]: pre-activation, then overwritten by D_l = dQ/dz_l
        final INDArray[] eps = new INDArray[layers]; // eps[l]: dQ/d(output of layer l), N x dout[l]
        final INDArray[] wd = new INDArray[layers]; // diag(w) D_l for weightedGradient
        final INDArray ga; // A_l A_l^T (lower triangle)
        final INDArray gd; // D_l D_l^T (lower triangle)
        final INDArray grouped; // the last layer's input, rows grouped by action
        final double[] gaHeap; // heap copies: the fused element-wise pass vectorises on arrays, not on buffers
        final double[] gdHeap;
        final double[][] zHeap; // z_l on the heap (bias added here: an ND4J row-vector op cost 0.1 ms at N = 32)
        final double[] scratch; // N x max width
        final double[] scratch2;
        int[] actions;

        Pass(int n) {
            this.n = n;
            for (int l = 0; l < layers; l++) {
                a[l] = Nd4j.create(DataType.DOUBLE, n, din[l]);
                z[l] = Nd4j.create(DataType.DOUBLE, n, dout[l]);
                eps[l] = Nd4j.create(DataType.DOUBLE, n, dout[l]);
            }
            ga = Nd4j.create(DataType.DOUBLE, n, n);
            gd = Nd4j.create(DataType.DOUBLE, n, n);
            grouped = Nd4j.create(DataType.DOUBLE, n, din[layers - 1]);
            gaHeap = new double[n * n];
            gdHeap = new double[n * n];
            zHeap = new double[layers][];
            int width = 0;
            for (int l = 0; l < layers; l++) {
                zHeap[l] = new double[n * dout[l]];
                width = Math.max(width, Math.max(din[l], dout[l]));
            }
            scratch = new double[n * width];
            scratch2 = new double[n * width];
        }

        DoublePointer ptr(INDArray x) {
            return (DoublePointer) x.data().addressPointer();
        }

        /** True when D_l is the one-hot of the actions (identity output layer) and was not materialised. */
        boolean oneHot(int l) {
            return l == layers - 1 && identityOutput;
        }
    }

    /** eps_{l-1} = D_l W_l^T: the signal at the output of layer l-1. */
    private void backOne(Pass p, int l) {
        int n = p.n;
        int k = din[l];
        int m = dout[l];
        DoubleBuffer e = p.eps[l - 1].data().asNioDouble();
        if (p.oneHot(l)) {
            int w = Math.toIntExact(wOffset[l]);
            for (int i = 0; i < n; i++) { // one-hot D: row i of D W^T is column a_i of W (col-major: contiguous)
                e.put(i * k, thetaBuf, w + p.actions[i] * k, k);
            }
        } else {
            // W_l is row-major (d_out x d_in) as stored, so D_l (N x d_out) times it is D_l W_l^T (N x d_in)
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, k, m, 1.0, p.ptr(p.z[l]), m, wPtr[l], k, 0.0,
                    p.ptr(p.eps[l - 1]), k);
        }
    }

    private Pass run(int slot, INDArray states, int[] actions) {
        generation++;
        theta.assign(net.params()); // one widening copy of all parameters per call
        for (int l = 0; l < layers; l++) {
            thetaBuf.get(Math.toIntExact(bOffset[l]), biasHeap[l]);
        }
        return passWithBackward(slot, states, actions);
    }

    private Pass passWithBackward(int slot, INDArray states, int[] actions) {
        // forward (which also forms D of the last layer), then the chain rule layer by layer
        Pass p = forwardOnly(slot, states, actions);
        for (int l = layers - 1; l >= 1; l--) {
            backOne(p, l);
            derivative(p, l - 1);
        }
        return p;
    }

    private Pass forwardOnly(int slot, INDArray states, int[] actions) {
        int n = actions.length;
        if (states.rank() != 2 || states.size(1) != din[0]) {
            throw new IllegalArgumentException("states must have shape [N, " + din[0] + "], got "
                    + java.util.Arrays.toString(states.shape()));
        }
        if (passes[slot] == null || passes[slot].n != n) {
            passes[slot] = new Pass(n);
        }
        Pass p = passes[slot];
        p.actions = actions;
        p.a[0].assign(states); // widens a float batch to double
        for (int l = 0; l < layers; l++) {
            int m = dout[l];
            // z_l = A_l W_l + b_l; W_l is col-major d_in x d_out, i.e. row-major (W_l^T), hence Trans
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, m, din[l], 1.0, p.ptr(p.a[l]), din[l], wPtr[l],
                    din[l], 0.0, p.ptr(p.z[l]), m);
            double[] z = p.zHeap[l];
            DoubleBuffer zBuf = p.z[l].data().asNioDouble();
            zBuf.get(0, z);
            if (bias[l]) {
                double[] b = biasHeap[l];
                for (int i = 0; i < n; i++) {
                    int row = i * m;
                    for (int j = 0; j < m; j++) {
                        z[row + j] += b[j];
                    }
                }
            }
            if (kind[l] == Elementwise.GENERIC || (l == layers - 1 && !identityOutput)) {
                zBuf.put(0, z); // the ND4J activation and derivative read the pre-activation from the buffer
            }
            if (l + 1 < layers) {
                DoubleBuffer aBuf = p.a[l + 1].data().asNioDouble();
                switch (kind[l]) {
                    case IDENTITY -> aBuf.put(0, z);
                    case RELU -> {
                        double[] a = p.scratch;
                        for (int i = 0; i < n * m; i++) {
                            a[i] = Math.max(z[i], 0.0);
                        }
                        aBuf.put(0, a, 0, n * m);
                    }
                    case GENERIC -> {
                        p.a[l + 1].assign(p.z[l]);
                        INDArray r = act[l].getActivation(p.a[l + 1], false);
                        if (r != p.a[l + 1]) {
                            p.a[l + 1].assign(r);
                        }
                    }
                    default -> throw new IllegalStateException(kind[l].name());
                }
            }
        }
        int last = layers - 1;
        if (!p.oneHot(last)) {
            double[] e = p.scratch2;
            int m = dout[last];
            java.util.Arrays.fill(e, 0, n * m, 0.0);
            for (int i = 0; i < n; i++) {
                e[i * m + actions[i]] = 1.0; // seed: one-hot at each sample's action
            }
            p.eps[last].data().asNioDouble().put(0, e, 0, n * m);
            derivative(p, last);
        }
        return p;
    }

    /** D_l = act'(z_l) ⊙ eps_l, written into the z_l buffer (z_l itself stays on the heap). */
    private void derivative(Pass p, int l) {
        int len = p.n * dout[l];
        switch (kind[l]) {
            case IDENTITY -> p.z[l].assign(p.eps[l]);
            case RELU -> {
                double[] z = p.zHeap[l];
                double[] e = p.scratch;
                double[] d = p.scratch2;
                p.eps[l].data().asNioDouble().get(0, e, 0, len);
                for (int i = 0; i < len; i++) {
                    long bits = Double.doubleToRawLongBits(z[i]);
                    long positive = ~((bits - 1) >> 63) & ~(bits >> 63); // all ones iff z > 0 (+0 and -0 excluded)
                    d[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(e[i]) & positive);
                }
                p.z[l].data().asNioDouble().put(0, d, 0, len);
            }
            case GENERIC -> {
                INDArray r = act[l].backprop(p.z[l], p.eps[l]).getFirst();
                if (r != p.z[l]) {
                    p.z[l].assign(r);
                }
            }
            default -> throw new IllegalStateException(kind[l].name());
        }
    }

    @Override
    public double[][] gram(INDArray states, int[] actions) {
        return gram(run(0, states, actions));
    }

    @Override
    public EmpiricalNtk.Prepared prepare(INDArray states, int[] actions) {
        Pass p = run(0, states, actions);
        long stamp = generation;
        return new EmpiricalNtk.Prepared() {
            @Override
            public double[][] gram() {
                check();
                return DenseStackKernel.this.gram(p);
            }

            @Override
            public double[] weightedGradient(double[] weights) {
                check();
                return DenseStackKernel.this.weightedGradient(p, weights);
            }

            private void check() {
                if (generation != stamp) {
                    throw new IllegalStateException("this prepared batch was overwritten by a later call on the engine; "
                            + "call prepare(...) again");
                }
            }
        };
    }

    private double[][] gram(Pass p) {
        int[] actions = p.actions;
        int n = p.n;
        double[] k = new double[n * n]; // lower triangle of K, row-major
        double[] ga = p.gaHeap;
        double[] gd = p.gdHeap;
        for (int l = 0; l < layers; l++) {
            if (p.oneHot(l)) {
                addOneHotLayer(p, l, k);
                continue;
            }
            // only the lower triangle is formed
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, din[l], 1.0, p.ptr(p.a[l]), din[l], 0.0, p.ptr(p.ga), n);
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, dout[l], 1.0, p.ptr(p.z[l]), dout[l], 0.0,
                    p.ptr(p.gd), n);
            p.ga.data().asNioDouble().get(0, ga);
            p.gd.data().asNioDouble().get(0, gd);
            double one = bias[l] ? 1.0 : 0.0;
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = row; j <= row + i; j++) {
                    k[j] += (ga[j] + one) * gd[j]; // docs/math.md#dense-kernel: (A_l A_l^T + 1) ⊙ (D_l D_l^T)
                }
            }
        }
        return symmetric(k, n);
    }

    /**
     * The identity output layer's term (A_L A_L^T + 1) ⊙ [a_i == a_j]: only pairs that took the same action
     * contribute, so A_L's rows are grouped by action and one dsyrk per group forms just those blocks (half the work
     * of a full dsyrk with two actions).
     */
    private void addOneHotLayer(Pass p, int l, double[] k) {
        int n = p.n;
        int d = din[l];
        int[] order = new int[n];
        int[] start = new int[dout[l] + 1];
        for (int a : p.actions) {
            start[a + 1]++;
        }
        for (int a = 0; a < dout[l]; a++) {
            start[a + 1] += start[a];
        }
        int[] fill = start.clone();
        for (int i = 0; i < n; i++) {
            order[fill[p.actions[i]]++] = i; // counting sort, stable
        }
        DoubleBuffer src = p.a[l].data().asNioDouble();
        INDArray groupedArr = p.grouped;
        DoubleBuffer grouped = groupedArr.data().asNioDouble();
        for (int r = 0; r < n; r++) {
            grouped.put(r * d, src, order[r] * d, d);
        }
        double[] ga = p.gaHeap;
        double one = bias[l] ? 1.0 : 0.0;
        for (int a = 0; a < dout[l]; a++) {
            int s = start[a];
            int g = start[a + 1] - s;
            if (g == 0) {
                continue;
            }
            DoublePointer block = new DoublePointer(p.ptr(groupedArr)).position((long) s * d);
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, g, d, 1.0, block, d, 0.0, p.ptr(p.ga), g);
            p.ga.data().asNioDouble().get(0, ga, 0, g * g);
            for (int i = 0; i < g; i++) {
                int oi = order[s + i];
                for (int j = 0; j <= i; j++) {
                    int oj = order[s + j];
                    int idx = oi >= oj ? oi * n + oj : oj * n + oi;
                    k[idx] += ga[i * g + j] + one; // (A_L A_L^T + 1) ⊙ [a_i == a_j]
                }
            }
        }
    }

    /** Full N x N matrix from a row-major lower triangle, mirrored in cache-sized tiles. */
    static double[][] symmetric(double[] lower, int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(lower, i * n, out[i], 0, i + 1);
        }
        final int tile = 32;
        for (int ib = 0; ib < n; ib += tile) {
            for (int jb = 0; jb <= ib; jb += tile) {
                for (int i = ib; i < Math.min(n, ib + tile); i++) {
                    double[] row = out[i];
                    for (int j = jb; j < Math.min(i, jb + tile); j++) {
                        out[j][i] = row[j];
                    }
                }
            }
        }
        return out;
    }

    @Override
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        Pass pa = run(0, statesA, actionsA);
        Pass pb = passWithBackward(1, statesB, actionsB);
        int na = pa.n;
        int nb = pb.n;
        double[] k = new double[na * nb];
        INDArray ga = Nd4j.create(DataType.DOUBLE, na, nb);
        INDArray gd = Nd4j.create(DataType.DOUBLE, na, nb);
        DoubleBuffer gaBuf = ga.data().asNioDouble();
        DoubleBuffer gdBuf = gd.data().asNioDouble();
        for (int l = 0; l < layers; l++) {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, nb, din[l], 1.0, pa.ptr(pa.a[l]), din[l],
                    pb.ptr(pb.a[l]), din[l], 0.0, pa.ptr(ga), nb);
            boolean oneHot = pa.oneHot(l);
            if (!oneHot) {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, nb, dout[l], 1.0, pa.ptr(pa.z[l]), dout[l],
                        pb.ptr(pb.z[l]), dout[l], 0.0, pa.ptr(gd), nb);
            }
            double one = bias[l] ? 1.0 : 0.0;
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    int idx = i * nb + j;
                    double dd = oneHot ? (actionsA[i] == actionsB[j] ? 1.0 : 0.0) : gdBuf.get(idx);
                    k[idx] += (gaBuf.get(idx) + one) * dd; // (A A'^T + 1) ⊙ (D D'^T)
                }
            }
        }
        double[][] out = new double[na][nb];
        for (int i = 0; i < na; i++) {
            System.arraycopy(k, i * nb, out[i], 0, nb);
        }
        return out;
    }

    @Override
    public double[] weightedGradient(INDArray states, int[] actions, double[] weights) {
        return weightedGradient(run(0, states, actions), weights);
    }

    private double[] weightedGradient(Pass p, double[] weights) {
        int[] actions = p.actions;
        int n = p.n;
        grad.assign(0.0);
        DoubleBuffer g = grad.data().asNioDouble();
        for (int l = 0; l < layers; l++) {
            int m = dout[l];
            if (p.wd[l] == null) {
                p.wd[l] = Nd4j.create(DataType.DOUBLE, n, m);
            }
            INDArray wd = p.wd[l]; // diag(w) D_l
            DoubleBuffer wdBuf = wd.data().asNioDouble();
            if (p.oneHot(l)) {
                wd.assign(0.0);
                for (int i = 0; i < n; i++) {
                    wdBuf.put(i * m + actions[i], weights[i]);
                }
            } else {
                DoubleBuffer d = p.z[l].data().asNioDouble();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        wdBuf.put(i * m + j, weights[i] * d.get(i * m + j));
                    }
                }
            }
            // dW_l = A_l^T diag(w) D_l, written col-major ('f' order, as DL4J flattens W) straight into place
            DoublePointer target = new DoublePointer(grad.data().addressPointer()).position(wOffset[l]);
            cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, din[l], m, n, 1.0, p.ptr(p.a[l]), din[l], p.ptr(wd), m,
                    0.0, target, din[l]);
            if (bias[l]) {
                int b = Math.toIntExact(bOffset[l]);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        g.put(b + j, g.get(b + j) + wdBuf.get(i * m + j)); // db_l = sum_i w_i D_l[i]
                    }
                }
            }
        }
        double[] out = new double[Math.toIntExact(net.numParams())];
        g.get(0, out);
        return out;
    }

    /** DL4J's ReLU with its default threshold, max value and negative slope (the plain max(0, x)). */
    private static boolean isPlainRelu(ActivationReLU relu) {
        return relu.getMax() == null && relu.getThreshold() == null && relu.getNegativeSlope() == null;
    }
}
