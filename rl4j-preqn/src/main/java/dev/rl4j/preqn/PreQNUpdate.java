package dev.rl4j.preqn;

import java.util.Objects;

/**
 * Telemetry of one PreQN update on a minibatch of N transitions (Achiam et al. 2019, eqs. 19-21; docs/math.md#preqn),
 * composed of one part per stage: the TD errors, the kernel solve, the line search and the timings. Produced on the
 * training thread by {@link PreQNUpdateAlgorithm#compute}, logged at DEBUG and readable as
 * {@link PreQNUpdateAlgorithm#lastUpdate()}. Metric keys for sinks: {@code preqn/cos_before}, {@code preqn/cos_after},
 * {@code preqn/step_fraction}, ... (one per flat accessor below).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param update     1-based index of this update (every call to compute counts, skipped ones too)
 * @param batchSize  N, number of (s, a) pairs
 * @param outcome    what happened to the parameters
 * @param tdError    the TD errors delta (after clamping)
 * @param solve      the solve of (K + lambda I) Z = delta; {@link KernelSolve#NONE} when K was not solved
 * @param lineSearch the trial steps; {@link LineSearchTrace#NONE} when no step was tried
 * @param timing     time spent per stage
 * @param effect     what the kept step did to the batch's TD errors; {@link StepEffect#NONE} when theta is unchanged
 * @param heldPairs  bootstrap pairs held fixed in the solve (docs/math.md#hold-bootstrap); 0 without holdBootstrap
 */
public record PreQNUpdate(long update, int batchSize, Outcome outcome, TdError tdError, KernelSolve solve,
        LineSearchTrace lineSearch, Timing timing, StepEffect effect, int heldPairs) {

    /** Validates that no part is null. */
    public PreQNUpdate {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(tdError, "tdError");
        Objects.requireNonNull(solve, "solve");
        Objects.requireNonNull(lineSearch, "lineSearch");
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(effect, "effect");
    }

    /** As the canonical constructor with no step effect and no held pairs. */
    public PreQNUpdate(long update, int batchSize, Outcome outcome, TdError tdError, KernelSolve solve,
            LineSearchTrace lineSearch, Timing timing) {
        this(update, batchSize, outcome, tdError, solve, lineSearch, timing, StepEffect.NONE, 0);
    }

    /** This update with the measured effect of its kept step, the time it took and the number of held pairs. */
    PreQNUpdate with(StepEffect stepEffect, long effectNanos, int held) {
        return new PreQNUpdate(update, batchSize, outcome, tdError, solve, lineSearch, timing.withEffect(effectNanos),
                stepEffect, held);
    }

    /**
     * Fraction of the batch's unclamped TD error the kept step removed, counting the moved bootstrap
     * (docs/math.md#preqn-telemetry): sum_i (d_i - d'_i) d_i / sum_i d_i^2; tabular PreQN gives alpha. NaN when theta
     * was unchanged.
     */
    public double tdClosed() {
        return effect.tdClosed();
    }

    /**
     * How much gamma * bootstrap moved per unit move of Q(s_i, a_i) on the batch's non-terminal pairs
     * (least-squares slope, docs/math.md#preqn-telemetry); the TD contraction needs it well below 1. NaN when theta
     * was unchanged or no pair bootstraps.
     */
    public double bootOverDq() {
        return effect.bootOverDq();
    }

    /** A reward, Q-value, kernel entry or step component was not finite: theta untouched. */
    static PreQNUpdate skipped(long update, int n, TdError tdError, KernelSolve solve, Timing timing) {
        return new PreQNUpdate(update, n, Outcome.SKIPPED_NON_FINITE, tdError, solve, LineSearchTrace.NONE, timing);
    }

    /** delta was exactly zero: theta untouched. */
    static PreQNUpdate zeroError(long update, int n, TdError tdError, Timing timing) {
        return new PreQNUpdate(update, n, Outcome.ZERO_ERROR, tdError, KernelSolve.NONE, LineSearchTrace.NONE,
                timing);
    }

    /** The solve gave Z = 0 for a non-zero delta: theta untouched, no line search. */
    static PreQNUpdate solveFailed(long update, int n, TdError tdError, KernelSolve solve, Timing timing) {
        return new PreQNUpdate(update, n, Outcome.SOLVE_FAILED, tdError, solve, LineSearchTrace.NONE, timing);
    }

    /** A line search ran and ended in {@code outcome} (ACCEPTED, KEPT_SMALLEST_TRIAL or REJECTED). */
    static PreQNUpdate stepped(long update, int n, Outcome outcome, TdError tdError, KernelSolve solve,
            LineSearchTrace lineSearch, Timing timing) {
        return new PreQNUpdate(update, n, outcome, tdError, solve, lineSearch, timing);
    }

    /** True when the parameters changed. */
    public boolean changedParameters() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.KEPT_SMALLEST_TRIAL;
    }

    /**
     * cos(Q(theta + Delta theta) - Q(theta), delta) of the full step, in [-1, 1]; NaN when no step was tried
     * (SKIPPED_NON_FINITE, ZERO_ERROR, SOLVE_FAILED).
     */
    public double cosineBefore() {
        return lineSearch.firstCosine();
    }

    /** The same cosine for the step kept; NaN when theta was left unchanged. */
    public double cosineAfter() {
        return changedParameters() ? lineSearch.lastCosine() : Double.NaN;
    }

    /** c^k of the step kept, in (0, 1]; 0 when theta was left unchanged. */
    public double stepFraction() {
        return changedParameters() ? lineSearch.lastFraction() : 0.0;
    }

    /** Number of trial steps evaluated, in [0, maxTrials]. */
    public int trials() {
        return lineSearch.trials();
    }

    /** {@link KernelSolve#conditionNumber()}. */
    public double conditionNumber() {
        return solve.conditionNumber();
    }

    /** {@link KernelSolve#lambda()}. */
    public double lambda() {
        return solve.lambda();
    }

    /** {@link KernelSolve#fallback()}. */
    public boolean fallbackSolve() {
        return solve.fallback();
    }

    /** Mean |delta_i| after clamping; NaN when the input was not finite. */
    public double deltaMeanAbs() {
        return tdError.meanAbs();
    }

    /** Max |delta_i| after clamping; NaN when the input was not finite. */
    public double deltaMaxAbs() {
        return tdError.maxAbs();
    }

    /** Time spent on the TD targets and delta. */
    public long targetsNanos() {
        return timing.targetsNanos();
    }

    /** Time spent forming K. */
    public long kernelNanos() {
        return timing.kernelNanos();
    }

    /** Time spent solving (K + lambda I) Z = delta, including cond(K). */
    public long solveNanos() {
        return timing.solveNanos();
    }

    /** Time spent forming Delta theta. */
    public long stepNanos() {
        return timing.stepNanos();
    }

    /** Time spent in the line search's trial steps. */
    public long lineSearchNanos() {
        return timing.lineSearchNanos();
    }

    /** Time spent measuring the kept step's effect (tdClosed, bootOverDq). */
    public long effectNanos() {
        return timing.effectNanos();
    }

    /** What an update did to the parameters. @since 0.1 */
    public enum Outcome {
        /** A trial met cos >= eta and was kept. */
        ACCEPTED,
        /** No trial met eta; {@link LineSearchFailurePolicy#KEEP_SMALLEST_TRIAL} kept the smallest. */
        KEPT_SMALLEST_TRIAL,
        /** No trial met eta; {@link LineSearchFailurePolicy#REJECT_STEP} restored theta. */
        REJECTED,
        /** A reward, Q-value, kernel entry or step component was NaN or infinite; theta untouched. */
        SKIPPED_NON_FINITE,
        /** delta was exactly zero on the batch: nothing to move; theta untouched. */
        ZERO_ERROR,
        /** The kernel solve gave Z = 0 although delta was not zero (LAPACK failure); theta untouched, no line search. */
        SOLVE_FAILED
    }

    /**
     * The TD errors delta_i = y_i - Q(s_i, a_i) after clamping (eq. 5).
     *
     * @param meanAbs mean |delta_i|; NaN when the input was not finite
     * @param maxAbs  max |delta_i|; NaN when the input was not finite
     */
    public record TdError(double meanAbs, double maxAbs) {
        /** The TD errors could not be formed (a non-finite reward or Q-value). */
        public static final TdError UNKNOWN = new TdError(Double.NaN, Double.NaN);
    }

    /**
     * The solve of (K + lambda I) Z = delta ({@link dev.rl4j.ntk.DampedKernel}).
     *
     * @param conditionNumber condition number of the solved system: LAPACK dpocon's 1-norm estimate of
     *                        cond(K + lambda I) when Cholesky succeeded, exact lambda_max / lambda_min of K after the
     *                        pseudo-inverse fallback (+Infinity when K is numerically singular,
     *                        lambda_min &lt;= 1e-13 * N * lambda_max); NaN when K was not solved
     * @param lambda          damping used, damping * max(mean(diag K), 0), >= 0; NaN when K was not solved
     * @param fallback        true when Cholesky of K + lambda I failed and the pseudo-inverse was used
     */
    public record KernelSolve(double conditionNumber, double lambda, boolean fallback) {
        /** K was not solved. */
        public static final KernelSolve NONE = new KernelSolve(Double.NaN, Double.NaN, false);
    }

    /**
     * The trial steps theta + c^k Delta theta of the line search (eq. 21), whatever was kept.
     *
     * @param trials       trial steps evaluated, in [0, maxTrials]
     * @param firstCosine  cos(Q_new - Q_old, delta) of the first (full) trial; NaN when none ran
     * @param lastCosine   the cosine of the last trial; NaN when none ran or Q_new was not finite
     * @param lastFraction c^k of the last trial; 0 when none ran
     */
    public record LineSearchTrace(int trials, double firstCosine, double lastCosine, double lastFraction) {
        /** No line search ran. */
        public static final LineSearchTrace NONE = new LineSearchTrace(0, Double.NaN, Double.NaN, 0.0);
    }

    /**
     * The effect of the kept step on the batch's TD errors (docs/math.md#preqn-telemetry), measured with one forward
     * pass after the line search.
     *
     * @param tdClosed   fraction of the unclamped TD error removed, counting the moved bootstrap
     * @param bootOverDq least-squares slope of the change of gamma * bootstrap on the change of Q(s, a)
     */
    public record StepEffect(double tdClosed, double bootOverDq) {
        /** No step was kept. */
        public static final StepEffect NONE = new StepEffect(Double.NaN, Double.NaN);
    }

    /**
     * Time spent per stage of the update, in nanoseconds (0 for a stage that did not run). The stages are disjoint and
     * in the order they run; their sum is the update's time less the minibatch conversion and the bookkeeping.
     *
     * @param targetsNanos    the TD targets and delta (forward passes of the online and target networks)
     * @param kernelNanos     forming K (the kernel's forward and backward pass and its Gram products)
     * @param solveNanos      solving (K + lambda I) Z = delta, including cond(K)
     * @param stepNanos       forming Delta theta = alpha G Z
     * @param lineSearchNanos the line search's trial steps (one forward pass each)
     * @param effectNanos     the kept step's telemetry (tdClosed, bootOverDq)
     */
    public record Timing(long targetsNanos, long kernelNanos, long solveNanos, long stepNanos, long lineSearchNanos,
            long effectNanos) {
        /** Nothing was timed. */
        public static final Timing NONE = new Timing(0, 0, 0, 0, 0, 0);

        /** This timing with the effect stage set. */
        Timing withEffect(long nanos) {
            return new Timing(targetsNanos, kernelNanos, solveNanos, stepNanos, lineSearchNanos, nanos);
        }
    }
}
