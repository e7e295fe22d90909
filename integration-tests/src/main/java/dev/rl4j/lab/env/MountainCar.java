package dev.rl4j.lab.env;

import java.util.Random;

/**
 * Gym's MountainCar-v0 ({@code gym/envs/classic_control/mountain_car.py}): actions 0, 1, 2 push left, not at all,
 * right. One step: v += (action - 1) force - cos(3 x) gravity, v clipped to [-0.07, 0.07]; x += v, x clipped to
 * [-1.2, 0.6]; at the left wall (x = -1.2) a negative v becomes 0. Terminal when x >= 0.5 and v >= 0; reward -1 on
 * every step, the terminal one included. Initial x uniform in [-0.6, -0.4], v = 0. Observation (x, v).
 * Equations: docs/math.md#mountain-car.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class MountainCar implements ClassicControl {

    /** Gym's {@code max_episode_steps} of MountainCar-v0. */
    public static final int TIME_LIMIT = 200;
    public static final double FORCE = 0.001;
    public static final double GRAVITY = 0.0025;
    public static final double MAX_SPEED = 0.07;
    public static final double MIN_POSITION = -1.2;
    public static final double MAX_POSITION = 0.6;
    public static final double GOAL_POSITION = 0.5;
    /** Gym's default {@code goal_velocity}. */
    public static final double GOAL_VELOCITY = 0.0;

    private double position;
    private double velocity;

    @Override
    public int observationSize() {
        return 2;
    }

    @Override
    public int actionCount() {
        return 3;
    }

    @Override
    public int noOpAction() {
        return 1;
    }

    @Override
    public int timeLimit() {
        return TIME_LIMIT;
    }

    @Override
    public double rewardBound() {
        return 1.0;
    }

    @Override
    public double[] reset(Random random) {
        position = -0.6 + 0.2 * random.nextDouble();
        velocity = 0.0;
        return state();
    }

    @Override
    public Transition step(int action) {
        ClassicControl.checkAction(action, 3);
        velocity += (action - 1) * FORCE + Math.cos(3 * position) * (-GRAVITY);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        boolean terminal = position >= GOAL_POSITION && velocity >= GOAL_VELOCITY;
        return new Transition(state(), -1.0, terminal);
    }

    /** (position, velocity), a fresh array. */
    public double[] state() {
        return new double[] {position, velocity};
    }

    /** Sets the state (for tests and replays). */
    void setState(double x, double v) {
        position = x;
        velocity = v;
    }
}
