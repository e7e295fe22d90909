package dev.rl4j.lab.env;

import java.util.Random;

/**
 * The equations of a classic-control task with a discrete action set: its state, the initial-state distribution and
 * one step. It draws random numbers only in {@link #reset(Random)}, from the generator its adapter owns.
 *
 * <p>Stability: experimental. @since 0.1
 */
public interface ClassicControl {

    /** Length of the observation vector. */
    int observationSize();

    /** Number of discrete actions, numbered 0 to {@code actionCount() - 1}. */
    int actionCount();

    /** The action that applies no force or torque. */
    int noOpAction();

    /** Gym's {@code max_episode_steps}; applied by the learner as a truncation, never reported as terminal. */
    int timeLimit();

    /** Largest |reward| of one step, for the soft-divergence bound r_max / (1 - gamma). */
    double rewardBound();

    /** Draws a new initial state and returns its observation. */
    double[] reset(Random random);

    /** Applies {@code action} for one step; throws when the action is outside [0, actionCount()). */
    Transition step(int action);

    /** Rejects an action outside [0, count) with a message naming the value and the range. */
    static void checkAction(int action, int count) {
        if (action < 0 || action >= count) {
            throw new IllegalArgumentException("action must be in [0, " + (count - 1) + "], got " + action);
        }
    }
}
