package dev.rl4j.testing;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * N consecutive transitions of RL4J's {@code CartpoleEnvironment} under a seeded uniformly random policy (episodes
 * restart at their end): realistic probe batches, whose kernels are near-singular (4-dimensional states).
 *
 * @param states     N x 4
 * @param actions    N actions in {0, 1}
 * @param nextStates N x 4
 * @param terminal   N flags
 */
public record CartpoleTransitions(double[][] states, int[] actions, double[][] nextStates, boolean[] terminal) {

    /** N transitions from environment and policy seeded by {@code seed}. */
    public static CartpoleTransitions randomPolicy(int n, long seed) {
        CartpoleEnvironment env = new CartpoleEnvironment(Nd4j.getRandomFactory().getNewRandomInstance(seed));
        Random policy = new Random(seed);
        double[][] s = new double[n][];
        double[][] next = new double[n][];
        int[] a = new int[n];
        boolean[] t = new boolean[n];
        double[] state = data(env.reset());
        for (int i = 0; i < n; i++) {
            a[i] = policy.nextInt(2);
            StepResult r = env.step(a[i]);
            s[i] = state;
            next[i] = data(r.getChannelsData());
            t[i] = r.isTerminal();
            state = t[i] ? data(env.reset()) : next[i];
        }
        return new CartpoleTransitions(s, a, next, t);
    }

    private static double[] data(Map<String, Object> channels) {
        return ((double[]) channels.get("data")).clone();
    }
}
