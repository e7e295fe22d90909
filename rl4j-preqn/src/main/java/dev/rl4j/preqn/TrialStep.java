package dev.rl4j.preqn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The online network at trial parameters theta + fraction * Delta theta (eq. 21), judged on the minibatch by
 * cos(Q_new(s_i, a_i) - Q_old(s_i, a_i), delta). Writes the network's parameters in place and invalidates RL4J's
 * output cache after every change.
 */
final class TrialStep implements LineSearch.Trial {

    private final BoundNetwork online;
    private final INDArray params;
    private final INDArray theta;
    private final INDArray step;
    private final INDArray states;
    private final double[][] qOld;
    private final int[] actions;
    private final double[] delta;

    /** Remembers theta (a copy of the current parameters) and Delta theta in the parameters' data type. */
    TrialStep(BoundNetwork online, double[] step, Minibatch b, double[][] qOld, double[] delta) {
        this.online = online;
        this.params = online.mln().params();
        this.theta = params.dup();
        this.step = Nd4j.createFromArray(step).castTo(params.dataType()).reshape(params.shape());
        this.states = b.states();
        this.qOld = qOld;
        this.actions = b.actions();
        this.delta = delta;
    }

    @Override
    public double cosineAt(double fraction) {
        params.assign(theta).addi(step.mul(fraction));
        online.invalidateCache();
        return cosine(online.q(states), qOld, actions, delta);
    }

    @Override
    public void restore() {
        params.assign(theta);
        online.invalidateCache();
    }

    /** cos(Q_new(s_i, a_i) - Q_old(s_i, a_i), delta); 0 when Q did not move, NaN when Q_new is not finite. */
    static double cosine(double[][] qNew, double[][] qOld, int[] actions, double[] delta) {
        double dot = 0;
        double nq = 0;
        double nd = 0;
        for (int i = 0; i < actions.length; i++) {
            double dq = qNew[i][actions[i]] - qOld[i][actions[i]];
            dot += dq * delta[i];
            nq += dq * dq;
            nd += delta[i] * delta[i];
        }
        if (!Double.isFinite(nq)) {
            return Double.NaN;
        }
        return nq == 0.0 ? 0.0 : dot / Math.sqrt(nq * nd);
    }
}
