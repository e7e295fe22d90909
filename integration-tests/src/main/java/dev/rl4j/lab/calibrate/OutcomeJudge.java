package dev.rl4j.lab.calibrate;

/**
 * The harness's outcome rule (docs/math.md#calibration), independent of the listener: a run diverged at the first
 * update t whose max|Q| over a fixed evaluation set is not finite or exceeds the bound B; B = r_max / (1 - gamma) when
 * the environment pays rewards, else 10 times the initial max|Q| (zero-reward testbeds, where Q* = 0).
 *
 * <p>Online use: construct with the bound and the initial value, call {@link #check(long, double)} after updates; pure
 * use: {@link #firstExceedance}. Not thread-safe.
 */
public final class OutcomeJudge {

    /** Factor on the initial max|Q| of a zero-reward environment (the testbeds' criterion, docs/math.md#baird). */
    public static final double ZERO_REWARD_FACTOR = 10.0;

    private final double bound;
    private final double start;
    private double peak;
    private long divergedAt = Outcome.HEALTHY;
    private long lastUpdate;

    /**
     * @param bound        B > 0, finite
     * @param startMaxAbsQ max|Q| over the evaluation set before training, finite
     */
    public OutcomeJudge(double bound, double startMaxAbsQ) {
        if (!(bound > 0 && Double.isFinite(bound))) {
            throw new IllegalArgumentException("bound must be finite and > 0, got " + bound);
        }
        if (!Double.isFinite(startMaxAbsQ)) {
            throw new IllegalArgumentException("startMaxAbsQ must be finite, got " + startMaxAbsQ);
        }
        this.bound = bound;
        this.start = startMaxAbsQ;
        this.peak = startMaxAbsQ;
    }

    /**
     * The bound B of the rule.
     *
     * @param rMax         the largest |reward| the environment pays (0 for the zero-reward testbeds), >= 0
     * @param gamma        discount in [0, 1)
     * @param startMaxAbsQ max|Q| over the evaluation set before training (used when rMax is 0), > 0
     */
    public static double bound(double rMax, double gamma, double startMaxAbsQ) {
        if (!(rMax >= 0 && Double.isFinite(rMax))) {
            throw new IllegalArgumentException("rMax must be finite and >= 0, got " + rMax);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        if (rMax > 0) {
            return rMax / (1 - gamma);
        }
        if (!(startMaxAbsQ > 0 && Double.isFinite(startMaxAbsQ))) {
            throw new IllegalArgumentException("startMaxAbsQ must be finite and > 0 when every reward is 0, got "
                    + startMaxAbsQ);
        }
        return ZERO_REWARD_FACTOR * startMaxAbsQ;
    }

    /** True when max|Q| = {@code maxAbsQ} breaks the rule: not finite, or above {@code bound}. */
    public static boolean exceeds(double maxAbsQ, double bound) {
        return !Double.isFinite(maxAbsQ) || maxAbsQ > bound;
    }

    /**
     * The pure rule over a recorded sequence of checks.
     *
     * @param updates  update counts of the checks, ascending
     * @param maxAbsQ  max|Q| at each check
     * @param bound    B
     * @return the update of the first check that breaks the rule, or {@link Outcome#HEALTHY}
     */
    public static long firstExceedance(long[] updates, double[] maxAbsQ, double bound) {
        if (updates.length != maxAbsQ.length) {
            throw new IllegalArgumentException("updates and maxAbsQ must have the same length, got " + updates.length
                    + " and " + maxAbsQ.length);
        }
        for (int i = 0; i < updates.length; i++) {
            if (exceeds(maxAbsQ[i], bound)) {
                return updates[i];
            }
        }
        return Outcome.HEALTHY;
    }

    /**
     * Records the check at update {@code update}; the first one breaking the rule fixes the divergence update.
     *
     * @return true once the run has diverged
     */
    public boolean check(long update, double maxAbsQ) {
        lastUpdate = Math.max(lastUpdate, update);
        if (divergedAt != Outcome.HEALTHY) {
            return true;
        }
        peak = Double.isFinite(maxAbsQ) ? Math.max(peak, maxAbsQ) : Double.NaN;
        if (exceeds(maxAbsQ, bound)) {
            divergedAt = update;
            return true;
        }
        return false;
    }

    /** True once a check broke the rule. */
    public boolean diverged() {
        return divergedAt != Outcome.HEALTHY;
    }

    /** The judgement so far; {@code updates} is the update count of the run's end. */
    public Outcome outcome(long updates) {
        return new Outcome(bound, start, peak, divergedAt, Math.max(updates, lastUpdate));
    }
}
