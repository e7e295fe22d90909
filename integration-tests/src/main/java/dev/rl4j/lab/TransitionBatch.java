package dev.rl4j.lab;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of N transitions (s_i, a_i, r_i, s'_i, terminal_i) as plain arrays: what the testbeds generate and what the
 * offline {@code ntk} command reads from CSV ({@code dev.rl4j.lab.offline.TransitionCsv}).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param states     N x d states (or their features)
 * @param actions    N action indices (>= 0)
 * @param rewards    N rewards, or null when the source has none (a CSV without an {@code r} column)
 * @param nextStates N x d next states, or null when the source has none; the row of a terminal transition may be null
 * @param terminal   N flags; no bootstrap from s'_i when set
 */
public record TransitionBatch(double[][] states, int[] actions, double[] rewards, double[][] nextStates,
        boolean[] terminal) {

    /** Checks that every array has N = states.length entries and that only terminal rows lack a next state. */
    public TransitionBatch {
        int n = Objects.requireNonNull(states, "states").length;
        if (n == 0 || actions.length != n || (rewards != null && rewards.length != n)
                || (nextStates != null && nextStates.length != n) || terminal.length != n) {
            throw new IllegalArgumentException("all arrays must have N = states.length >= 1 entries, got states=" + n
                    + " actions=" + actions.length + " rewards=" + (rewards == null ? "none" : rewards.length)
                    + " nextStates=" + (nextStates == null ? "none" : nextStates.length) + " terminal="
                    + terminal.length);
        }
        for (int i = 0; nextStates != null && i < n; i++) {
            if (nextStates[i] == null && !terminal[i]) {
                throw new IllegalArgumentException("row " + i + " has no next state but is not terminal");
            }
        }
    }

    /** Number of transitions N. */
    public int size() {
        return states.length;
    }

    /** State width d. */
    public int stateWidth() {
        return states[0].length;
    }

    /** True when the batch has next states. */
    public boolean hasNextStates() {
        return nextStates != null;
    }

    /** Number of terminal transitions. */
    public int terminalCount() {
        int c = 0;
        for (boolean t : terminal) {
            c += t ? 1 : 0;
        }
        return c;
    }

    /** States as an N x d array of the given type. */
    public INDArray stateArray(DataType type) {
        return Nd4j.create(states).castTo(type);
    }

    /** Next states as an N x d array of the given type; every row must be present. */
    public INDArray nextStateArray(DataType type) {
        return Nd4j.create(nextStates).castTo(type);
    }
}
