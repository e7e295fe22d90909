package dev.rl4j.lab.testbed;

import dev.rl4j.ntk.Discount;
import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.ntk.EmpiricalNtk;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plain semi-gradient Q-learning on a DL4J Q-network (eq. 5, rho uniform over the minibatch): the deadly triad with no
 * target network, no replay tricks and no adaptive optimiser, applied as a raw parameter step so the testbeds'
 * known answers are not blurred by an updater.
 *
 * <pre>  theta' = theta + alpha / N * sum_i (r_i + gamma max_a' Q(s'_i, a') - Q(s_i, a_i)) grad Q(s_i, a_i)</pre>
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class SemiGradientQLearning {

    private final MultiLayerNetwork net;
    private final EmpiricalNtk ntk;
    private final double alpha;
    private final double gamma;

    /**
     * @param net   Q-network with identity outputs, one per action; its parameters are updated in place
     * @param alpha step size > 0
     * @param gamma discount in [0, 1)
     */
    public SemiGradientQLearning(MultiLayerNetwork net, double alpha, double gamma) {
        if (!(alpha > 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        Discount.BELOW_ONE.require("gamma", gamma);
        this.net = net;
        this.ntk = EmpiricalNtk.of(net);
        this.alpha = alpha;
        this.gamma = gamma;
    }

    /** TD errors delta_i = r_i + gamma max_a' Q(s'_i, a') [not terminal] - Q(s_i, a_i) at the current parameters. */
    public double[] tdErrors(TransitionBatch batch) {
        INDArray q = net.output(batch.stateArray(net.params().dataType()), false).castTo(DataType.DOUBLE);
        INDArray qNext = net.output(batch.nextStateArray(net.params().dataType()), false).castTo(DataType.DOUBLE);
        double[] delta = new double[batch.size()];
        for (int i = 0; i < delta.length; i++) {
            double bootstrap = batch.terminal()[i] ? 0.0 : gamma * qNext.getRow(i).maxNumber().doubleValue();
            delta[i] = batch.rewards()[i] + bootstrap - q.getDouble(i, batch.actions()[i]);
        }
        return delta;
    }

    /** One update on the batch; returns the TD errors it used. */
    public double[] update(TransitionBatch batch) {
        double[] delta = tdErrors(batch);
        double[] w = new double[delta.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = alpha * delta[i] / delta.length;
        }
        double[] step = ntk.weightedGradient(batch.stateArray(DataType.DOUBLE), batch.actions(), w);
        net.params().addi(Nd4j.createFromArray(step).reshape(1, step.length).castTo(net.params().dataType()));
        return delta;
    }
}
