package dev.rl4j.preqn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The online network at trial parameters theta + fraction * Delta theta (eq. 21), judged on the minibatch by
 * cos(Q_new(s_i, a_i) - Q_old(s_i, a_i), delta). Writes the network's parameters in place and invalidates RL4J's
 * output cache after every change. One instance serves every update of a {@link PreQNUpdateAlgorithm}: theta, Delta
 * theta and the scaled step live in buffers allocated once (reallocated only if the parameters' length or data type
 * changes), so an update allocates no parameter-sized array here. The arithmetic is the same ND4J ops as a fresh
 * {@code params.dup()} and {@code step.mul(fraction)} would run, into reused outputs: bit for bit the same.
 */
final class TrialStep implements LineSearch.Trial {

    private final BoundNetwork online;
    private INDArray params;
    private INDArray theta;        // theta, in the parameters' data type
    private INDArray stepValues;   // Delta theta in double, as computed
    private INDArray step;         // Delta theta in the parameters' data type
    private INDArray scaled;       // fraction * Delta theta, in the type step.mul(fraction) gives
    private INDArray states;
    private double[][] qOld;
    private int[] actions;
    private double[] delta;
    private double[][] qLast;

    TrialStep(BoundNetwork online) {
        this.online = online;
    }

    /** Remembers theta (copied into the reused buffer) and Delta theta (cast to the parameters' data type). */
    TrialStep begin(double[] deltaTheta, Minibatch b, double[][] qBefore, double[] tdError) {
        params = online.mln().params();
        if (theta == null || theta.length() != params.length() || theta.dataType() != params.dataType()) {
            theta = params.dup();
            stepValues = Nd4j.create(DataType.DOUBLE, params.shape());
            step = Nd4j.create(params.dataType(), params.shape());
            scaled = Nd4j.create(Shape.pickPairwiseDataType(params.dataType(), Double.valueOf(1.0)), params.shape(),
                    step.ordering());
        } else {
            theta.assign(params);
        }
        stepValues.data().asNioDouble().put(0, deltaTheta);
        step.assign(stepValues); // the cast castTo(params' type) performs
        this.states = b.states();
        this.qOld = qBefore;
        this.actions = b.actions();
        this.delta = tdError;
        this.qLast = null;
        return this;
    }

    @Override
    public double cosineAt(double fraction) {
        step.muli(fraction, scaled); // what step.mul(fraction) computes, without a new array
        params.assign(theta).addi(scaled);
        online.invalidateCache();
        qLast = online.q(states);
        return cosine(qLast, qOld, actions, delta);
    }

    @Override
    public void restore() {
        params.assign(theta);
        online.invalidateCache();
        qLast = null;
    }

    /**
     * Q(s_i, .) at the parameters of the last trial, N x A; null after {@link #restore} or before any trial. When
     * the line search kept that trial, these are the Q-values of the network as it now is.
     */
    double[][] lastQ() {
        return qLast;
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
