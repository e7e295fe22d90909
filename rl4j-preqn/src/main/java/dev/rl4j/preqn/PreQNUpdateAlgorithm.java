package dev.rl4j.preqn;

import dev.rl4j.diagnostics.StepSizeProvider;
import dev.rl4j.ntk.DampedKernel;
import dev.rl4j.ntk.Discount;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.Finite;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.IUpdateAlgorithm;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.IOutputNeuralNet;
import org.deeplearning4j.rl4j.network.dqn.DQN;

/**
 * One PreQN update per minibatch (Achiam et al. 2019, eqs. 19-21; docs/math.md#preqn), read top to bottom in
 * {@link #compute}: TD targets and delta ({@link TdTargets}, eq. 5), the kernel K (eq. 9), the damped solve
 * ({@link DampedKernel}, eq. 21), the step Delta theta = alpha G Z (eq. 21) and the line search ({@link LineSearch}).
 *
 * <p>Unlike RL4J's DQN algorithms, {@code compute} applies the step itself: the line search must evaluate the network
 * at trial parameters. The step is added to {@code params()} directly, so the network's updater (Adam state,
 * minibatch division, L1/L2) and its iteration/epoch counters are never touched; RL4J's output cache is invalidated
 * after every parameter change. The returned {@link PreQNUpdate} is the update's telemetry; RL4J's
 * {@code UpdateRule} hands it to the target-synchronising updater.
 *
 * <p>Non-finite input (reward, Q-value, kernel or step) never reaches the parameters: the update is skipped, counted
 * ({@link #skippedUpdates()}) and logged at WARN with the offending values (the first 3 occurrences, then every
 * 100th). Line-search failures are handled by {@link PreQNConfiguration#failurePolicy()}, counted
 * ({@link #lineSearchFailures()}) and logged the same way.
 *
 * <p>Called on the training thread; not thread-safe. Stability: experimental. @since 0.1
 */
public final class PreQNUpdateAlgorithm
        implements IUpdateAlgorithm<PreQNUpdate, StateActionRewardState<Integer>>, StepSizeProvider {

    private final BoundNetwork online;
    private final PreQNConfiguration conf;
    /** Named as RL4J's BaseTransitionTDAlgorithm.gamma: the diagnostics' RL4J discovery reads it by that name. */
    private final double gamma;
    private final TdTargets targets;
    private final EmpiricalNtk ntk;
    private final LineSearch lineSearch;
    /** The line search's trial parameters, with buffers reused across updates. */
    private final TrialStep trial;
    private final UpdateRecorder recorder = new UpdateRecorder();
    /** The |delta| bound in use, NaN for none ({@link PreQNConfiguration#effectiveErrorClamp}). */
    private final double errorClamp;

    PreQNUpdateAlgorithm(BoundNetwork online, BoundNetwork target, PreQNConfiguration conf, double gamma,
            double rl4jErrorClamp) {
        this.online = Objects.requireNonNull(online, "online");
        this.conf = Objects.requireNonNull(conf, "conf");
        if (conf.targetNetwork() && target == null) {
            throw new IllegalArgumentException("target must be non-null when conf.targetNetwork() is true, got null");
        }
        this.gamma = Discount.UP_TO_ONE.require("gamma", gamma);
        double clamp = conf.effectiveErrorClamp(rl4jErrorClamp);
        if (!(Double.isNaN(clamp) || clamp > 0.0)) {
            throw new IllegalArgumentException("errorClamp must be NaN (off) or in (0, +Infinity] when PreQN inherits "
                    + "it (PreQNConfiguration.inheritRl4jErrorClamp), got " + clamp);
        }
        this.errorClamp = clamp;
        this.targets = new TdTargets(online, conf.targetNetwork() ? target : null, conf.doubleQ(), gamma, clamp);
        this.ntk = EmpiricalNtk.of(online.mln());
        this.lineSearch = LineSearch.of(conf);
        this.trial = new TrialStep(online);
    }

    /**
     * PreQN on RL4J networks (legacy {@code DQN} or builder {@code QNetwork}, each backed by a MultiLayerNetwork).
     *
     * @param current    the online network, stepped in place
     * @param targetNet  the target network; required when {@code conf.targetNetwork()}, ignored otherwise (may be null)
     * @param gamma      discount in [0, 1]
     * @param rl4jErrorClamp RL4J's errorClamp (NaN for none); PreQN uses it only when
     *                   {@link PreQNConfiguration#inheritRl4jErrorClamp()}, else {@link PreQNConfiguration#tdErrorClamp()}
     */
    public static PreQNUpdateAlgorithm of(IOutputNeuralNet current, IOutputNeuralNet targetNet,
            PreQNConfiguration conf, double gamma, double rl4jErrorClamp) {
        BoundNetwork t = conf.targetNetwork() ? BoundNetwork.of(Objects.requireNonNull(targetNet, "targetNet")) : null;
        return new PreQNUpdateAlgorithm(BoundNetwork.of(current), t, conf, gamma, rl4jErrorClamp);
    }

    /**
     * PreQN on a bare network (benchmarks, tests): the target network, when configured, is a clone taken now and
     * never synchronised. {@code rl4jErrorClamp} as in {@link #of(IOutputNeuralNet, IOutputNeuralNet,
     * PreQNConfiguration, double, double)}.
     */
    public static PreQNUpdateAlgorithm of(MultiLayerNetwork net, PreQNConfiguration conf, double gamma,
            double rl4jErrorClamp) {
        DQN current = new DQN(net);
        return of(current, conf.targetNetwork() ? current.clone() : null, conf, gamma, rl4jErrorClamp);
    }

    /**
     * Runs one PreQN update on the batch and applies it to the online network's parameters.
     *
     * @param batch transitions with non-null observations; next observations may be null only for terminal ones
     * @return this update's telemetry, never null
     */
    @Override
    public PreQNUpdate compute(List<StateActionRewardState<Integer>> batch) {
        long update = recorder.begin();
        Minibatch b = Minibatch.of(batch);
        int n = b.size();

        // 1. targets y = r + gamma max_a' Q(s', a') (eq. 5), delta = y - Q(s, a)
        long t0 = System.nanoTime();
        TdTargets.TdErrors td = targets.of(b);
        long targetsNanos = System.nanoTime() - t0;
        if (td.nonFinite() != null) {
            return recorder.skipped(PreQNUpdate.skipped(update, n, td.summary(), PreQNUpdate.KernelSolve.NONE,
                    new PreQNUpdate.Timing(targetsNanos, 0, 0, 0, 0, 0)), td.nonFinite());
        }
        if (td.zero()) {
            return recorder.finish(PreQNUpdate.zeroError(update, n, td.summary(),
                    new PreQNUpdate.Timing(targetsNanos, 0, 0, 0, 0, 0)));
        }

        // 2. K = G^T G on the batch's (s, a) pairs (eq. 9); one forward + backward pass serves K and G Z. With
        //    holdBootstrap the pairs (s'_i, a*_i) of the non-terminal transitions are appended (docs/math.md#hold-bootstrap)
        t0 = System.nanoTime();
        HeldPairs pairs = conf.holdBootstrap() ? HeldPairs.of(b, td.bootstrapActions()) : HeldPairs.none(b);
        EmpiricalNtk.Prepared kernel = ntk.prepare(pairs.states(), pairs.actions());
        double[][] k = kernel.gram();
        long kernelNanos = System.nanoTime() - t0;
        if (!Finite.all(k)) {
            return recorder.skipped(PreQNUpdate.skipped(update, n, td.summary(), PreQNUpdate.KernelSolve.NONE,
                    new PreQNUpdate.Timing(targetsNanos, kernelNanos, 0, 0, 0, 0)), "kernel K has a non-finite entry");
        }

        // 3. Z = (K + lambda I)^{-1} delta (eq. 21, damped: docs/math.md#damped-solve); with the hold the right-hand
        //    side is [delta; 0] (docs/math.md#hold-bootstrap)
        t0 = System.nanoTime();
        DampedKernel.Solution z = DampedKernel.of(k, conf.damping()).solve(pairs.rightHandSide(td.delta()));
        long solveNanos = System.nanoTime() - t0;
        PreQNUpdate.KernelSolve solve = new PreQNUpdate.KernelSolve(z.conditionNumber(), z.lambda(), z.fallback());
        if (allZero(z.z())) {
            return recorder.solveFailed(PreQNUpdate.solveFailed(update, n, td.summary(), solve,
                    new PreQNUpdate.Timing(targetsNanos, kernelNanos, solveNanos, 0, 0, 0)));
        }

        // 4. Delta theta = alpha G Z = alpha sum_j Z_j grad Q(pair j) (eq. 21)
        t0 = System.nanoTime();
        double[] step = step(kernel, z.z());
        long stepNanos = System.nanoTime() - t0;
        if (!Finite.all(step)) {
            return recorder.skipped(PreQNUpdate.skipped(update, n, td.summary(), solve,
                    new PreQNUpdate.Timing(targetsNanos, kernelNanos, solveNanos, stepNanos, 0, 0)),
                    "step Delta theta has a non-finite component");
        }

        // 5. line search: theta + c^k Delta theta until cos(Q_new - Q_old, delta) >= eta on the batch pairs (eq. 21)
        t0 = System.nanoTime();
        LineSearch.Result searched = lineSearch.run(trial.begin(step, b, td.q(), td.delta()));
        long lineSearchNanos = System.nanoTime() - t0;
        PreQNUpdate u = PreQNUpdate.stepped(update, n, searched.outcome(), td.summary(), solve, searched.trace(),
                new PreQNUpdate.Timing(targetsNanos, kernelNanos, solveNanos, stepNanos, lineSearchNanos, 0));

        // 6. telemetry, read-only: tdClosed and bootOverDq of the kept step (docs/math.md#preqn-telemetry); Q(s, .)
        //    after the step is the kept trial's
        t0 = System.nanoTime();
        PreQNUpdate.StepEffect effect = PreQNUpdate.StepEffect.NONE;
        if (u.changedParameters()) {
            double[] e = targets.closedAfterStep(b, td, trial.lastQ());
            effect = new PreQNUpdate.StepEffect(e[0], e[1]);
        }
        long effectNanos = u.changedParameters() ? System.nanoTime() - t0 : 0;
        return recorder.stepped(u.with(effect, effectNanos, pairs.held()), conf);
    }

    /** Delta theta = alpha G Z (eq. 21), from the prepared kernel's single backward pass. */
    private double[] step(EmpiricalNtk.Prepared kernel, double[] z) {
        double[] step = kernel.weightedGradient(z);
        for (int p = 0; p < step.length; p++) {
            step[p] *= conf.alpha();
        }
        return step;
    }

    /** Z = 0: the solve produced nothing (LAPACK failure), although delta was not zero. */
    private static boolean allZero(double[] z) {
        for (double v : z) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Updates whose solve returned Z = 0 for a non-zero delta (LAPACK failure); parameters unchanged. */
    public long solveFailures() {
        return recorder.solveFailures();
    }

    /** The configured alpha (the fraction of the TD error closed per step). */
    @Override
    public double stepSize() {
        return conf.alpha();
    }

    /** PreQN preconditions with {@link DampedKernel#of}(K, damping): the diagnostics judge that same kernel. */
    @Override
    public double preconditionerDamping() {
        return conf.damping();
    }

    /** The |delta| bound in use, NaN for none: RL4J's errorClamp only when the configuration inherits it. */
    public double errorClamp() {
        return errorClamp;
    }

    /** The discount in use, in [0, 1]. */
    public double gamma() {
        return gamma;
    }

    /** The configuration in use. */
    public PreQNConfiguration configuration() {
        return conf;
    }

    /** Telemetry of the latest update; IllegalStateException before the first one. */
    public PreQNUpdate lastUpdate() {
        PreQNUpdate lastUpdate = recorder.lastUpdate();
        if (lastUpdate == null) {
            throw new IllegalStateException("no PreQN update has run yet; check updates() > 0 first");
        }
        return lastUpdate;
    }

    /** Number of calls to {@link #compute} so far. */
    public long updates() {
        return recorder.updates();
    }

    /** Updates skipped because of non-finite input. */
    public long skippedUpdates() {
        return recorder.skippedUpdates();
    }

    /** Updates in which no trial met eta (whatever the failure policy did). */
    public long lineSearchFailures() {
        return recorder.lineSearchFailures();
    }
}
