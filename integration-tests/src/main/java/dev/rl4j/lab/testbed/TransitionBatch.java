package dev.rl4j.lab.testbed;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minibatch of transitions (s_i, a_i, r_i, s'_i, done_i) in feature form.
 *
 * @param states     N x d features of s_i
 * @param actions    N action indices
 * @param rewards    N rewards
 * @param nextStates N x d features of s'_i
 * @param terminal   N flags; no bootstrap from s'_i when set
 */
public record TransitionBatch(double[][] states, int[] actions, double[] rewards, double[][] nextStates,
        boolean[] terminal) {

    /** Checks that every array has N = states.length entries. */
    public TransitionBatch {
        int n = Objects.requireNonNull(states, "states").length;
        if (actions.length != n || rewards.length != n || nextStates.length != n || terminal.length != n) {
            throw new IllegalArgumentException("all arrays must have " + n + " entries, got actions=" + actions.length
                    + " rewards=" + rewards.length + " nextStates=" + nextStates.length + " terminal=" + terminal.length);
        }
    }

    public int size() {
        return states.length;
    }

    /** States as an N x d array of the given type. */
    public INDArray stateArray(DataType type) {
        return Nd4j.create(states).castTo(type);
    }

    /** Next states as an N x d array of the given type. */
    public INDArray nextStateArray(DataType type) {
        return Nd4j.create(nextStates).castTo(type);
    }
}
