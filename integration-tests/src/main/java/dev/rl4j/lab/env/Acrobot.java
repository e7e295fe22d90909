package dev.rl4j.lab.env;

import java.util.Random;

/**
 * Gym's Acrobot-v1 ({@code gym/envs/classic_control/acrobot.py}, "book" dynamics of Sutton and Barto): two links of
 * length and mass 1 hanging from a fixed joint, torque -1, 0 or +1 on the joint between them. State
 * (theta1, theta2, dtheta1, dtheta2), integrated with one RK4 step of dt = 0.2; after the step the angles are wrapped
 * into [-pi, pi] and the velocities bounded by 4 pi and 9 pi. Terminal when -cos(theta1) - cos(theta1 + theta2) > 1
 * (the free end above the bar); reward -1 per step, 0 on the terminal step. Observation
 * (cos theta1, sin theta1, cos theta2, sin theta2, dtheta1, dtheta2). Initial state uniform in [-0.1, 0.1]^4.
 * Equations: docs/math.md#acrobot. Gym keeps the initial state and the observation in float32; this class keeps
 * double throughout.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class Acrobot implements ClassicControl {

    /** Gym's {@code max_episode_steps} of Acrobot-v1. */
    public static final int TIME_LIMIT = 500;
    /** Seconds per step. */
    public static final double DT = 0.2;
    /** Velocity bounds of theta1 and theta2. */
    public static final double MAX_VEL_1 = 4 * Math.PI;
    public static final double MAX_VEL_2 = 9 * Math.PI;
    private static final double[] TORQUE = {-1.0, 0.0, 1.0};
    private static final double M1 = 1.0;
    private static final double M2 = 1.0;
    private static final double L1 = 1.0;
    private static final double LC1 = 0.5;
    private static final double LC2 = 0.5;
    private static final double I1 = 1.0;
    private static final double I2 = 1.0;
    private static final double G = 9.8;

    private double[] state = new double[4];

    @Override
    public int observationSize() {
        return 6;
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
        for (int i = 0; i < 4; i++) {
            state[i] = -0.1 + 0.2 * random.nextDouble();
        }
        return observation();
    }

    @Override
    public Transition step(int action) {
        ClassicControl.checkAction(action, 3);
        double[] next = rk4(state, TORQUE[action], DT);
        next[0] = wrap(next[0], -Math.PI, Math.PI);
        next[1] = wrap(next[1], -Math.PI, Math.PI);
        next[2] = bound(next[2], -MAX_VEL_1, MAX_VEL_1);
        next[3] = bound(next[3], -MAX_VEL_2, MAX_VEL_2);
        state = next;
        boolean terminal = terminal(state);
        return new Transition(observation(), terminal ? 0.0 : -1.0, terminal);
    }

    /** The state (theta1, theta2, dtheta1, dtheta2), a copy. */
    public double[] state() {
        return state.clone();
    }

    /** Sets the state (for tests and replays); the array is copied. */
    void setState(double... s) {
        if (s.length != 4) {
            throw new IllegalArgumentException("state must have 4 components, got " + s.length);
        }
        state = s.clone();
    }

    /** The free end above the bar: -cos(theta1) - cos(theta1 + theta2) > 1. */
    static boolean terminal(double[] s) {
        return -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    }

    private double[] observation() {
        return new double[] {Math.cos(state[0]), Math.sin(state[0]), Math.cos(state[1]), Math.sin(state[1]), state[2],
            state[3]};
    }

    /** Gym's {@code _dsdt}, book variant: (dtheta1, dtheta2, ddtheta1, ddtheta2) at state s under torque a. */
    static double[] derivatives(double[] s, double a) {
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double d1 = M1 * LC1 * LC1 + M2 * (L1 * L1 + LC2 * LC2 + 2 * L1 * LC2 * Math.cos(theta2)) + I1 + I2;
        double d2 = M2 * (LC2 * LC2 + L1 * LC2 * Math.cos(theta2)) + I2;
        double phi2 = M2 * LC2 * G * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -M2 * L1 * LC2 * dtheta2 * dtheta2 * Math.sin(theta2)
                - 2 * M2 * L1 * LC2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (M1 * LC1 + M2 * L1) * G * Math.cos(theta1 - Math.PI / 2) + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - M2 * L1 * LC2 * dtheta1 * dtheta1 * Math.sin(theta2) - phi2)
                / (M2 * LC2 * LC2 + I2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
    }

    /** One classical Runge-Kutta step of length dt with the torque held (gym's {@code rk4} over [0, dt]). */
    static double[] rk4(double[] y0, double torque, double dt) {
        double[] k1 = derivatives(y0, torque);
        double[] k2 = derivatives(axpy(y0, dt / 2.0, k1), torque);
        double[] k3 = derivatives(axpy(y0, dt / 2.0, k2), torque);
        double[] k4 = derivatives(axpy(y0, dt, k3), torque);
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            y[i] = y0[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return y;
    }

    private static double[] axpy(double[] y, double h, double[] k) {
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] + h * k[i];
        }
        return r;
    }

    /** Gym's {@code wrap}: adds or subtracts (hi - lo) until lo <= x <= hi. */
    static double wrap(double x, double lo, double hi) {
        double diff = hi - lo;
        while (x > hi) {
            x -= diff;
        }
        while (x < lo) {
            x += diff;
        }
        return x;
    }

    /** Gym's {@code bound}: min(max(x, lo), hi). */
    static double bound(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }
}
