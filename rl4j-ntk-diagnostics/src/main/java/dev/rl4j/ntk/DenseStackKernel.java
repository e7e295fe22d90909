package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The structured path (math.md section 4): one forward pass and one batched backward pass in double, then
 * K = sum_l (A_l A_l^T + 1) ⊙ (D_l D_l^T), where A_l (N x d_in) is the input of dense layer l and
 * D_l (N x d_out) = dQ(s_i, a_i)/dz_l. Row-major double[] buffers and direct OpenBLAS calls (the library ND4J
 * itself uses): the per-op overhead of ND4J dominated at small batches (see the issue note for measurements).
 * Only one triangle of each Gram is formed (dsyrk). Activations and their derivatives are the network's own
 * {@link IActivation}s applied to double arrays, so every DL4J activation (and custom ones) is supported.
 */
final class DenseStackKernel implements EmpiricalNtk.KernelPath {

    private final MultiLayerNetwork net;
    private final List<Layer> layers = new ArrayList<>();
    private final int[] din;
    private final int[] dout;
    private final boolean[] bias;
    private final IActivation[] act;
    private final boolean identityOutput;

    DenseStackKernel(MultiLayerNetwork net, NetworkInspection inspection) {
        this.net = net;
        List<int[]> dims = new ArrayList<>();
        List<Boolean> biases = new ArrayList<>();
        List<IActivation> acts = new ArrayList<>();
        long paramCount = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof LossLayer) {
                continue; // identity activation (checked by NetworkInspection), no parameters
            }
            FeedForwardLayer ff = (FeedForwardLayer) conf;
            boolean hasBias = !(conf instanceof DenseLayer d) || d.hasBias();
            if (conf instanceof org.deeplearning4j.nn.conf.layers.BaseOutputLayer o) {
                hasBias = o.hasBias();
            }
            dims.add(new int[] {Math.toIntExact(ff.getNIn()), Math.toIntExact(ff.getNOut())});
            biases.add(hasBias);
            acts.add(((BaseLayer) conf).getActivationFn());
            layers.add(net.getLayer(i));
            paramCount += ff.getNIn() * ff.getNOut() + (hasBias ? ff.getNOut() : 0);
        }
        int l = layers.size();
        din = new int[l];
        dout = new int[l];
        bias = new boolean[l];
        act = new IActivation[l];
        for (int i = 0; i < l; i++) {
            din[i] = dims.get(i)[0];
            dout[i] = dims.get(i)[1];
            bias[i] = biases.get(i);
            act[i] = acts.get(i);
        }
        if (paramCount != net.numParams()) {
            throw new IllegalArgumentException("structured NTK expects " + paramCount + " parameters (W and b of each "
                    + "dense layer) but the network has " + net.numParams());
        }
        identityOutput = act[l - 1] instanceof ActivationIdentity;
    }

    /** Activations, pre-activations and back-propagated signals of one batch. */
    private static final class Pass {
        final int n;
        final int[] actions;
        final double[][] a; // a[l]: input of layer l, N x din[l], row-major
        final double[][] d; // d[l]: dQ(s_i, a_i)/dz_l, N x dout[l]; null for an identity output (one-hot)

        Pass(int n, int[] actions, int layers) {
            this.n = n;
            this.actions = actions;
            this.a = new double[layers][];
            this.d = new double[layers][];
        }
    }

    private Pass run(INDArray states, int[] actions) {
        int l = din.length;
        int n = actions.length;
        if (states.rank() != 2 || states.size(1) != din[0]) {
            throw new IllegalArgumentException("states must have shape [N, " + din[0] + "], got "
                    + java.util.Arrays.toString(states.shape()));
        }
        Pass p = new Pass(n, actions, l);
        p.a[0] = toDoubleRowMajor(states);
        double[][] z = new double[l][];
        double[][] w = new double[l][];
        for (int k = 0; k < l; k++) {
            w[k] = toDoubleRowMajor(layers.get(k).getParam("W"));
            double[] b = bias[k] ? toDoubleRowMajor(layers.get(k).getParam("b")) : null;
            double[] zk = new double[n * dout[k]];
            // z_l = A_l W_l + b_l
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, dout[k], din[k], 1.0, p.a[k], din[k], w[k], dout[k],
                    0.0, zk, dout[k]);
            if (b != null) {
                for (int i = 0; i < n; i++) {
                    int off = i * dout[k];
                    for (int j = 0; j < dout[k]; j++) {
                        zk[off + j] += b[j];
                    }
                }
            }
            z[k] = zk;
            if (k + 1 < l) {
                p.a[k + 1] = activate(act[k], zk, n, dout[k]);
            }
        }
        // backward, seeded with a one-hot at each sample's action on the output (no reduction over the batch)
        double[] eps = null;
        for (int k = l - 1; k >= 0; k--) {
            if (k == l - 1) {
                if (identityOutput) {
                    p.d[k] = null; // D = onehot(actions)
                } else {
                    double[] onehot = new double[n * dout[k]];
                    for (int i = 0; i < n; i++) {
                        onehot[i * dout[k] + actions[i]] = 1.0;
                    }
                    p.d[k] = derivative(act[k], z[k], onehot, n, dout[k]);
                }
            } else {
                p.d[k] = derivative(act[k], z[k], eps, n, dout[k]);
            }
            if (k > 0) {
                // dQ/dA_l = D_l W_l^T
                eps = new double[n * din[k]];
                if (p.d[k] == null) {
                    for (int i = 0; i < n; i++) { // one-hot D: row i of D W^T is column a_i of W
                        int ai = actions[i];
                        for (int r = 0; r < din[k]; r++) {
                            eps[i * din[k] + r] = w[k][r * dout[k] + ai];
                        }
                    }
                } else {
                    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, din[k], dout[k], 1.0, p.d[k], dout[k],
                            w[k], dout[k], 0.0, eps, din[k]);
                }
            }
        }
        return p;
    }

    @Override
    public double[][] gram(INDArray states, int[] actions) {
        Pass p = run(states, actions);
        int n = p.n;
        double[] k = new double[n * n];
        double[] ga = new double[n * n];
        double[] gd = new double[n * n];
        for (int l = 0; l < din.length; l++) {
            // only the lower triangle is formed
            cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, din[l], 1.0, p.a[l], din[l], 0.0, ga, n);
            if (p.d[l] != null) {
                cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, dout[l], 1.0, p.d[l], dout[l], 0.0, gd, n);
            }
            double one = bias[l] ? 1.0 : 0.0;
            for (int i = 0; i < n; i++) {
                int row = i * n;
                for (int j = 0; j <= i; j++) {
                    // (A_l A_l^T + 1) ⊙ (D_l D_l^T); a one-hot D gives [a_i == a_j]
                    double dd = p.d[l] != null ? gd[row + j] : (actions[i] == actions[j] ? 1.0 : 0.0);
                    k[row + j] += (ga[row + j] + one) * dd;
                }
            }
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = k[i * n + j];
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    @Override
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        Pass pa = run(statesA, actionsA);
        Pass pb = run(statesB, actionsB);
        int na = pa.n;
        int nb = pb.n;
        double[] k = new double[na * nb];
        double[] ga = new double[na * nb];
        double[] gd = new double[na * nb];
        for (int l = 0; l < din.length; l++) {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, nb, din[l], 1.0, pa.a[l], din[l], pb.a[l], din[l],
                    0.0, ga, nb);
            boolean oneHot = pa.d[l] == null;
            if (!oneHot) {
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, nb, dout[l], 1.0, pa.d[l], dout[l], pb.d[l],
                        dout[l], 0.0, gd, nb);
            }
            double one = bias[l] ? 1.0 : 0.0;
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    int idx = i * nb + j;
                    double dd = oneHot ? (actionsA[i] == actionsB[j] ? 1.0 : 0.0) : gd[idx];
                    k[idx] += (ga[idx] + one) * dd; // (A A'^T + 1) ⊙ (D D'^T)
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
        Pass p = run(states, actions);
        int n = p.n;
        double[] out = new double[Math.toIntExact(net.numParams())];
        int offset = 0;
        for (int l = 0; l < din.length; l++) {
            int m = dout[l];
            double[] wd = new double[n * m]; // diag(w) D_l
            if (p.d[l] == null) {
                for (int i = 0; i < n; i++) {
                    wd[i * m + actions[i]] = weights[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        wd[i * m + j] = weights[i] * p.d[l][i * m + j];
                    }
                }
            }
            // dW_l = A_l^T diag(w) D_l, written column-major ('f' order, as DL4J flattens W)
            double[] gw = new double[din[l] * m];
            cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, din[l], m, n, 1.0, p.a[l], din[l], wd, m, 0.0, gw,
                    din[l]);
            System.arraycopy(gw, 0, out, offset, gw.length);
            offset += gw.length;
            if (bias[l]) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        out[offset + j] += wd[i * m + j]; // db_l = sum_i w_i D_l[i]
                    }
                }
                offset += m;
            }
        }
        return out;
    }

    private static double[] activate(IActivation fn, double[] z, int n, int m) {
        if (fn instanceof ActivationIdentity) {
            return z.clone();
        }
        INDArray in = Nd4j.create(z, new long[] {n, m}, DataType.DOUBLE);
        return fn.getActivation(in, false).data().asDouble();
    }

    private static double[] derivative(IActivation fn, double[] z, double[] eps, int n, int m) {
        if (fn instanceof ActivationIdentity) {
            return eps;
        }
        INDArray in = Nd4j.create(z, new long[] {n, m}, DataType.DOUBLE);
        INDArray e = Nd4j.create(eps, new long[] {n, m}, DataType.DOUBLE);
        INDArray dz = fn.backprop(in, e).getFirst();
        return dz.dup('c').data().asDouble();
    }

    /** A detached, row-major double copy of a 1-D or 2-D array (copies a float network's values once). */
    static double[] toDoubleRowMajor(INDArray x) {
        INDArray d = x.castTo(DataType.DOUBLE);
        if (d == x || d.isView() || d.ordering() != 'c' || d.data().length() != d.length()) {
            d = d.dup('c');
        }
        return d.data().asDouble();
    }
}
