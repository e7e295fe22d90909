package dev.rl4j.lab.env;

/**
 * What one step returns.
 *
 * @param observation the observation after the step (a fresh array)
 * @param reward      the step's reward
 * @param terminal    true when the task's own end condition holds (a time limit is never terminal)
 */
public record Transition(double[] observation, double reward, boolean terminal) {
}
