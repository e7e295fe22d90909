package dev.rl4j.lab.bench;

import dev.rl4j.diagnostics.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The probe batches {@code bench-probe} times: consecutive transitions of RL4J's {@code CartpoleEnvironment} under a
 * uniformly random policy (episodes restart at their end), or Gaussian states of any width with nearby next states.
 * Both are seeded.
 */
final class ProbeTransitions {

    private ProbeTransitions() {
    }

    /** N CartPole transitions (4-dimensional states, 2 actions) under a seeded random policy. */
    static List<Transition> cartpole(int n, long seed) {
        CartpoleEnvironment env = new CartpoleEnvironment(Nd4j.getRandomFactory().getNewRandomInstance(seed));
        Random policy = new Random(seed);
        List<Transition> out = new ArrayList<>(n);
        double[] state = data(env.reset());
        for (int i = 0; i < n; i++) {
            int action = policy.nextInt(2);
            StepResult r = env.step(action);
            double[] next = data(r.getChannelsData());
            out.add(new Transition(state, action, r.getReward(), next, r.isTerminal()));
            state = r.isTerminal() ? data(env.reset()) : next;
        }
        return out;
    }

    /** N transitions with N(0, 1) states of width d, next state = state + N(0, 0.1^2), 5 % terminal. */
    static List<Transition> gaussian(int n, int d, int actions, long seed) {
        Random r = new Random(seed);
        List<Transition> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] s = new double[d];
            double[] next = new double[d];
            for (int j = 0; j < d; j++) {
                s[j] = r.nextGaussian();
                next[j] = s[j] + 0.1 * r.nextGaussian();
            }
            out.add(new Transition(s, r.nextInt(actions), 1.0, next, r.nextDouble() < 0.05));
        }
        return out;
    }

    private static double[] data(Map<String, Object> channels) {
        return ((double[]) channels.get("data")).clone();
    }
}
