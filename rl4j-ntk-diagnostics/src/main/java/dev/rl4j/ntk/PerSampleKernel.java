package dev.rl4j.ntk;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import dev.rl4j.ntk.dense.LowerTriangle;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The per-sample path: gradients of Q(s, a) from DL4J's own backpropagation on a private double-precision copy of
 * the network whose loss is replaced by MSE. With MSE and an identity output, dL/dQ_j = 2 (Q_j - y_j) / nOut (no
 * division by the batch size), so labels y = Q - (nOut / 2) c_i e_{a_i} make the loss gradient exactly
 * sum_i c_i grad Q(s_i, a_i). The acting network is only read (its parameters are copied in before each call).
 */
final class PerSampleKernel implements EmpiricalNtk.KernelPath {

    private final MultiLayerNetwork net;
    private final MultiLayerNetwork copy;
    private final int numActions;

    PerSampleKernel(MultiLayerNetwork net, NetworkInspection inspection) {
        this.net = net;
        this.numActions = inspection.numActions();
        MultiLayerConfiguration conf = MultiLayerConfiguration.fromJson(net.getLayerWiseConfigurations().toJson());
        conf.setDataType(DataType.DOUBLE);
        Layer last = conf.getConf(conf.getConfs().size() - 1).getLayer();
        if (last instanceof BaseOutputLayer o) {
            o.setLossFn(new LossMSE());
        } else if (last instanceof LossLayer ll) {
            ll.setLossFn(new LossMSE());
        }
        copy = new MultiLayerNetwork(conf);
        copy.init(net.params().castTo(DataType.DOUBLE), true);
    }

    private void syncParams() {
        copy.params().assign(net.params().castTo(DataType.DOUBLE));
    }

    /** Row-major N x P matrix of per-sample gradients of Q(s_i, a_i). */
    private double[] jacobian(INDArray states, int[] actions) {
        int n = actions.length;
        int p = Math.toIntExact(copy.numParams());
        double[] g = new double[n * p];
        for (int i = 0; i < n; i++) {
            INDArray x = row(states, i);
            double[] gi = weightedGradientOnCopy(x, new int[] {actions[i]}, new double[] {1.0});
            System.arraycopy(gi, 0, g, i * p, p);
        }
        return g;
    }

    private double[] weightedGradientOnCopy(INDArray x, int[] actions, double[] c) {
        INDArray q = copy.output(x, false);
        INDArray labels = q.dup();
        for (int i = 0; i < actions.length; i++) {
            labels.putScalar(i, actions[i], q.getDouble(i, actions[i]) - 0.5 * numActions * c[i]);
        }
        Pair<Gradient, INDArray> grads = copy.calculateGradients(x, labels, null, null);
        return grads.getFirst().gradient().dup().data().asDouble();
    }

    private static INDArray row(INDArray states, int i) {
        INDArrayIndex[] idx = new INDArrayIndex[states.rank()];
        idx[0] = NDArrayIndex.interval(i, i + 1);
        for (int k = 1; k < idx.length; k++) {
            idx[k] = NDArrayIndex.all();
        }
        return states.get(idx).castTo(DataType.DOUBLE).dup();
    }

    @Override
    public double[][] gram(INDArray states, int[] actions) {
        return prepare(states, actions).gram();
    }

    @Override
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        syncParams();
        int na = actionsA.length;
        int nb = actionsB.length;
        int p = Math.toIntExact(copy.numParams());
        double[] ga = jacobian(statesA, actionsA);
        double[] gb = jacobian(statesB, actionsB);
        double[] k = new double[na * nb];
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, nb, p, 1.0, ga, p, gb, p, 0.0, k, nb);
        double[][] out = new double[na][nb];
        for (int i = 0; i < na; i++) {
            System.arraycopy(k, i * nb, out[i], 0, nb);
        }
        return out;
    }

    @Override
    public EmpiricalNtk.Prepared prepare(INDArray states, int[] actions) {
        syncParams();
        int n = actions.length;
        int p = Math.toIntExact(copy.numParams());
        double[] g = jacobian(states, actions);
        return new EmpiricalNtk.Prepared() {
            @Override
            public double[][] gram() {
                double[] k = new double[n * n];
                cblas_dsyrk(CblasRowMajor, CblasLower, CblasNoTrans, n, p, 1.0, g, p, 0.0, k, n); // K = G G^T
                return LowerTriangle.mirrored(k, n);
            }

            @Override
            public double[][] crossFrom(INDArray statesA, int[] actionsA) {
                int na = actionsA.length;
                double[] ga = jacobian(statesA, actionsA);
                double[] k = new double[na * n];
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, na, n, p, 1.0, ga, p, g, p, 0.0, k, n);
                double[][] out = new double[na][n];
                for (int i = 0; i < na; i++) {
                    System.arraycopy(k, i * n, out[i], 0, n);
                }
                return out;
            }

            @Override
            public double[] weightedGradient(double[] weights) {
                double[] out = new double[p];
                cblas_dgemv(CblasRowMajor, CblasTrans, n, p, 1.0, g, p, weights, 1, 0.0, out, 1); // G^T w
                return out;
            }
        };
    }

    @Override
    public double[] weightedGradient(INDArray states, int[] actions, double[] weights) {
        syncParams();
        return weightedGradientOnCopy(states.castTo(DataType.DOUBLE).dup(), actions, weights);
    }
}
