package dev.rl4j.diagnostics;

/**
 * One observed transition, copied out of RL4J (the listener never keeps RL4J's arrays).
 *
 * @param state     flattened observation s
 * @param action    action index a
 * @param reward    reward in the learner's scale
 * @param next      flattened next observation s'
 * @param terminal  true when s' is terminal (no bootstrap)
 *
 * <p>Stability: experimental. @since 0.1
 */
public record Transition(double[] state, int action, double reward, double[] next, boolean terminal) {
}
