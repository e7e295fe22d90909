package dev.rl4j.lab.study;

import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.space.Box;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of CartPole state-action pairs from RL4J's {@link CartpoleNative} driven by a uniformly random policy:
 * row i is the state the agent acted in at step i and the action it took (so every pair is what a replay buffer
 * would hold). The environment is reset whenever an episode ends; terminal observations are never acted in and so
 * never appear. Both the environment and the policy are seeded, so a (size, seed) pair always gives the same batch.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param states  N x 4 states (x, x_dot, theta, theta_dot)
 * @param actions N actions in {0, 1}
 * @param seed    seed of the environment and of the policy
 */
public record CartpoleStates(double[][] states, int[] actions, int seed) {

    /** Defensive copies: the record is immutable. */
    public CartpoleStates {
        states = deepCopy(states);
        actions = actions.clone();
    }

    @Override
    public double[][] states() {
        return deepCopy(states);
    }

    @Override
    public int[] actions() {
        return actions.clone();
    }

    /** Number of pairs N. */
    public int size() {
        return actions.length;
    }

    /**
     * Rolls out a uniformly random policy in {@code CartpoleNative(seed)}.
     *
     * @param size number of pairs N, >= 1
     * @param seed seed of the environment; the policy uses {@code new Random(seed + 1)}
     */
    public static CartpoleStates rollout(int size, int seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        CartpoleNative env = new CartpoleNative(seed);
        java.util.Random policy = new java.util.Random(seed + 1L);
        double[][] s = new double[size][];
        int[] a = new int[size];
        Box obs = env.reset();
        for (int i = 0; i < size; i++) {
            s[i] = obs.toArray().clone();
            a[i] = policy.nextInt(2);
            StepReply<Box> reply = env.step(a[i]);
            obs = reply.isDone() ? env.reset() : reply.getObservation();
        }
        return new CartpoleStates(s, a, seed);
    }

    /** The states as an N x 4 array of the given data type. */
    public INDArray toArray(DataType dtype) {
        return Nd4j.createFromArray(states).castTo(dtype);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
