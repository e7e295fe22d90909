package dev.rl4j.diagnostics;

import dev.rl4j.ntk.DoubleRows;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures the effective step size of ONE real update, for adaptive optimisers (Adam, RMSProp, ...), by listening to
 * the Q-network (a DL4J listener; it only copies arrays, outside any workspace, and never writes the network).
 *
 * <p>When armed, it copies at {@code onGradientCalculation} (before the updater runs) theta, the batch and the raw
 * gradient, and at {@code iterationDone} theta'. RL4J's DQN labels are Q with y_i written at (i, a_i); with MSE,
 * dL/dQ = 2 (Q - y) / nOut, so the raw gradient is -(2/nOut) sum_i delta_i grad Q(s_i, a_i) and the semi-gradient
 * direction of eq. 5 is g = -(nOut / 2) grad / B. Then
 *
 * <pre>
 *   alpha = &lt;theta' - theta, g&gt; / &lt;g, g&gt;      (least-squares fit of the actual step to alpha g)
 *   cos   = cos(Q_theta'(s_i, a_i) - Q_theta(s_i, a_i), delta_i)  over the update's batch (linearisation check)
 * </pre>
 *
 * The Q-values at theta and theta' are computed later, in {@link #result(MultiLayerNetwork)}, on a private scratch
 * copy of the network, never on the training network.
 */
final class UpdateMeter extends BaseTrainingListener {

    /** A completed measurement. */
    record Result(double alpha, double cos) {
    }

    private boolean armed;
    private INDArray thetaBefore;
    private INDArray thetaAfter;
    private INDArray input;
    private INDArray labels;
    private INDArray gradient;
    private MultiLayerNetwork scratch;
    private Result last;

    /** Measure the next update. */
    void arm() {
        armed = true;
    }

    @Override
    public void onGradientCalculation(Model model) {
        if (!armed || !(model instanceof MultiLayerNetwork net) || net.gradient() == null) {
            return;
        }
        thetaBefore = net.params().castTo(DataType.DOUBLE).dup();
        input = net.getInput() == null ? null : net.getInput().castTo(DataType.DOUBLE).dup();
        labels = net.getLabels() == null ? null : net.getLabels().castTo(DataType.DOUBLE).dup();
        gradient = net.gradient().gradient().castTo(DataType.DOUBLE).dup();
        thetaAfter = null;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (!armed || thetaBefore == null || thetaAfter != null) {
            return;
        }
        thetaAfter = model.params().castTo(DataType.DOUBLE).dup();
        armed = false;
    }

    /**
     * The latest measurement: computes it from the copies if a new update was captured since the last call, else
     * returns the previous result, or null when no update was ever measured.
     */
    Result result(MultiLayerNetwork net) {
        if (thetaAfter == null || input == null || labels == null) {
            return last;
        }
        try {
            last = compute(net);
        } finally {
            thetaBefore = null;
            thetaAfter = null;
            input = null;
            labels = null;
            gradient = null;
        }
        return last;
    }

    private Result compute(MultiLayerNetwork net) {
        long b = input.size(0);
        long nOut = labels.size(1);
        // g = (1/B) sum_i delta_i grad Q(s_i, a_i) = -(nOut / 2) * rawGradient / B  (MSE, identity output)
        INDArray g = gradient.mul(-(double) nOut / (2.0 * b));
        INDArray step = thetaAfter.sub(thetaBefore);
        double gg = g.mul(g).sumNumber().doubleValue();
        double alpha = gg > 0 ? step.mul(g).sumNumber().doubleValue() / gg : Double.NaN;
        if (scratch == null) {
            scratch = net.clone();
        }
        DataType dt = scratch.params().dataType();
        scratch.setParams(thetaBefore.castTo(dt));
        double[][] q0 = DoubleRows.of(scratch.output(input.castTo(dt), false));
        scratch.setParams(thetaAfter.castTo(dt));
        double[][] q1 = DoubleRows.of(scratch.output(input.castTo(dt), false));
        double[][] y = DoubleRows.of(labels);
        double dot = 0, nDelta = 0, nChange = 0;
        for (int i = 0; i < q0.length; i++) {
            int a = 0; // the taken action: where the label differs most from Q at theta
            for (int j = 1; j < y[i].length; j++) {
                if (Math.abs(y[i][j] - q0[i][j]) > Math.abs(y[i][a] - q0[i][a])) {
                    a = j;
                }
            }
            double delta = y[i][a] - q0[i][a];
            double change = q1[i][a] - q0[i][a];
            dot += delta * change;
            nDelta += delta * delta;
            nChange += change * change;
        }
        double cos = nDelta > 0 && nChange > 0 ? dot / Math.sqrt(nDelta * nChange) : Double.NaN;
        return new Result(alpha, cos);
    }

    @Override
    public String toString() {
        return "UpdateMeter" + Map.of("armed", armed);
    }
}
