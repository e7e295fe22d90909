package dev.rl4j.preqn;

import dev.rl4j.diagnostics.StepSizeProvider;
import dev.rl4j.ntk.EmpiricalNtk;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.IUpdateAlgorithm;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.IOutputNeuralNet;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PreQN update per minibatch (Achiam et al. 2019, eqs. 19-21; docs/math.md#preqn), read top to bottom in
 * {@link #compute}: targets, delta, K, solve, step, line search.
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

    private static final Logger log = LoggerFactory.getLogger(PreQNUpdateAlgorithm.class);

    private final BoundNetwork online;
    private final BoundNetwork target;        // null when bootstrapping from the online network
    private final PreQNConfiguration conf;
    private final double gamma;
    private final double errorClamp;          // NaN: no clamping (RL4J convention)
    private final EmpiricalNtk ntk;

    private long updates;
    private long skippedUpdates;
    private long lineSearchFailures;
    private long solveFailures;
    private PreQNUpdate lastUpdate;

    PreQNUpdateAlgorithm(BoundNetwork online, BoundNetwork target, PreQNConfiguration conf, double gamma,
            double errorClamp) {
        this.online = Objects.requireNonNull(online, "online");
        this.conf = Objects.requireNonNull(conf, "conf");
        if (conf.targetNetwork() && target == null) {
            throw new IllegalArgumentException("target must be non-null when conf.targetNetwork() is true, got null");
        }
        this.target = conf.targetNetwork() ? target : null;
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(Double.isNaN(errorClamp) || errorClamp > 0.0)) {
            throw new IllegalArgumentException("errorClamp must be NaN (off) or in (0, +Infinity], got " + errorClamp);
        }
        this.gamma = gamma;
        this.errorClamp = errorClamp;
        this.ntk = EmpiricalNtk.of(online.mln());
    }

    /**
     * PreQN on RL4J networks (legacy {@code DQN} or builder {@code QNetwork}, each backed by a MultiLayerNetwork).
     *
     * @param current    the online network, stepped in place
     * @param targetNet  the target network; required when {@code conf.targetNetwork()}, ignored otherwise (may be null)
     * @param gamma      discount in [0, 1]
     * @param errorClamp |delta| bound, NaN for none
     */
    public static PreQNUpdateAlgorithm of(IOutputNeuralNet current, IOutputNeuralNet targetNet,
            PreQNConfiguration conf, double gamma, double errorClamp) {
        BoundNetwork t = conf.targetNetwork() ? BoundNetwork.of(Objects.requireNonNull(targetNet, "targetNet")) : null;
        return new PreQNUpdateAlgorithm(BoundNetwork.of(current), t, conf, gamma, errorClamp);
    }

    /**
     * PreQN on a bare network (benchmarks, tests): the target network, when configured, is a clone taken now and
     * never synchronised.
     */
    public static PreQNUpdateAlgorithm of(MultiLayerNetwork net, PreQNConfiguration conf, double gamma,
            double errorClamp) {
        DQN current = new DQN(net);
        return of(current, conf.targetNetwork() ? current.clone() : null, conf, gamma, errorClamp);
    }

    /**
     * Runs one PreQN update on the batch and applies it to the online network's parameters.
     *
     * @param batch transitions with non-null observations; next observations may be null only for terminal ones
     * @return this update's telemetry, never null
     */
    @Override
    public PreQNUpdate compute(List<StateActionRewardState<Integer>> batch) {
        long update = ++updates;
        Batch b = Batch.of(batch);
        int n = b.actions.length;

        // 1. targets y = r + gamma * max_a' Q(s', a'), no bootstrap at terminals (eq. 5); delta = y - Q(s, a)
        // one forward pass of the online network over [s; s'] when it also supplies Q(s', .)
        boolean onlineNext = b.anyBootstrap && (target == null || conf.doubleQ());
        double[][] qBoth = online.q(onlineNext ? Nd4j.concat(0, b.states, b.nextStates) : b.states);
        double[][] q = onlineNext ? Arrays.copyOfRange(qBoth, 0, n) : qBoth;
        double[][] qNextOnline = onlineNext ? Arrays.copyOfRange(qBoth, n, 2 * n) : null;
        double[] delta = new double[n];
        String nonFinite = targetsAndDelta(b, q, qNextOnline, delta);
        if (nonFinite != null) {
            return skip(update, n, nonFinite, Double.NaN, Double.NaN, false, 0, 0);
        }
        double deltaMeanAbs = 0;
        double deltaMaxAbs = 0;
        for (double d : delta) {
            deltaMeanAbs += Math.abs(d) / n;
            deltaMaxAbs = Math.max(deltaMaxAbs, Math.abs(d));
        }
        if (deltaMaxAbs == 0.0) {
            return finish(new PreQNUpdate(update, n, PreQNUpdate.Outcome.ZERO_ERROR, Double.NaN, Double.NaN, 0, 0,
                    Double.NaN, Double.NaN, false, 0, 0, 0, 0, 0));
        }

        // 2. K = G^T G on the batch's (s, a) pairs (eq. 9)
        long t0 = System.nanoTime();
        EmpiricalNtk.Prepared prepared = ntk.prepare(b.states, b.actions); // one forward + backward pass for K and G Z
        double[][] k = prepared.gram();
        long kernelNanos = System.nanoTime() - t0;
        if (!allFinite(k)) {
            return skip(update, n, "kernel K has a non-finite entry", deltaMeanAbs, deltaMaxAbs, false, kernelNanos, 0);
        }

        // 3. solve (K + lambda I) Z = delta, lambda = damping * mean(diag K); Cholesky, else pseudo-inverse
        t0 = System.nanoTime();
        KernelSolution solution = KernelSolution.solve(k, delta, conf.damping());
        long solveNanos = System.nanoTime() - t0;
        if (Arrays.stream(solution.z()).allMatch(v -> v == 0.0)) {
            solveFailures++;
            if (rateLimited(solveFailures)) {
                log.warn("preqn/solve_failed update={} count={} parameters unchanged: Z = 0 for |delta|max={} cond_k={}",
                        update, solveFailures, deltaMaxAbs, solution.conditionNumber());
            }
            return finish(new PreQNUpdate(update, n, PreQNUpdate.Outcome.SOLVE_FAILED, Double.NaN, Double.NaN, 0, 0,
                    solution.conditionNumber(), solution.lambda(), solution.fallback(), deltaMeanAbs, deltaMaxAbs,
                    kernelNanos, solveNanos, 0));
        }

        // 4. Delta theta = alpha * G Z = alpha * sum_i Z_i grad Q(s_i, a_i)   (eq. 21)
        t0 = System.nanoTime();
        double[] step = prepared.weightedGradient(solution.z());
        for (int p = 0; p < step.length; p++) {
            step[p] *= conf.alpha();
        }
        if (!allFinite(step)) {
            return skip(update, n, "step Delta theta has a non-finite component", deltaMeanAbs, deltaMaxAbs,
                    solution.fallback(), kernelNanos, solveNanos);
        }

        // 5. line search: theta + c^k Delta theta until cos(Q_new - Q_old, delta) >= eta
        MultiLayerNetwork mln = online.mln();
        INDArray params = mln.params();
        INDArray theta = params.dup();
        INDArray stepArray = Nd4j.createFromArray(step).castTo(params.dataType()).reshape(params.shape());
        double fraction = 1.0;
        double cosineBefore = Double.NaN;
        double cosine = Double.NaN;
        int trials = 0;
        boolean accepted = false;
        while (trials < conf.maxTrials()) {
            params.assign(theta).addi(stepArray.mul(fraction));
            online.invalidateCache();
            cosine = cosine(online.q(b.states), q, b.actions, delta);
            trials++;
            if (trials == 1) {
                cosineBefore = cosine;
            }
            if (cosine >= conf.eta()) {
                accepted = true;
                break;
            }
            if (trials < conf.maxTrials()) {
                fraction *= conf.shrink();
            }
        }
        PreQNUpdate.Outcome outcome = PreQNUpdate.Outcome.ACCEPTED;
        if (!accepted) {
            lineSearchFailures++;
            boolean keep = conf.failurePolicy() == LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL && !Double.isNaN(cosine);
            outcome = keep ? PreQNUpdate.Outcome.KEPT_SMALLEST_TRIAL : PreQNUpdate.Outcome.REJECTED;
            if (!keep) {
                params.assign(theta);
                online.invalidateCache();
            }
            if (rateLimited(lineSearchFailures)) {
                log.warn("preqn/line_search_failed update={} count={} policy={} outcome={} trials={} "
                        + "cos_first={} cos_last={} eta={} smallest_fraction={} delta_max_abs={} cond_k={}",
                        update, lineSearchFailures, conf.failurePolicy(), outcome, trials, cosineBefore, cosine,
                        conf.eta(), fraction, deltaMaxAbs, solution.conditionNumber());
            }
        }
        long stepNanos = System.nanoTime() - t0;
        boolean changed = outcome != PreQNUpdate.Outcome.REJECTED;
        return finish(new PreQNUpdate(update, n, outcome, cosineBefore, changed ? cosine : Double.NaN,
                changed ? fraction : 0.0, trials, solution.conditionNumber(), solution.lambda(), solution.fallback(),
                deltaMeanAbs, deltaMaxAbs, kernelNanos, solveNanos, stepNanos));
    }

    /** Fills delta; returns a description of the first non-finite input, or null when all are finite. */
    private String targetsAndDelta(Batch b, double[][] q, double[][] qNextOnline, double[] delta) {
        int n = delta.length;
        double[][] qNext = !b.anyBootstrap ? null : target == null ? qNextOnline : target.q(b.nextStates);
        for (int i = 0; i < n; i++) {
            double qsa = q[i][b.actions[i]];
            if (!Double.isFinite(b.rewards[i]) || !Double.isFinite(qsa)) {
                return "transition " + i + ": reward=" + b.rewards[i] + " Q(s,a)=" + qsa;
            }
            double y = b.rewards[i];
            if (!b.terminal[i]) {
                double bootstrap;
                if (conf.doubleQ()) {   // Q_target(s', argmax_a Q_online(s', a))
                    bootstrap = qNext[i][argMax(qNextOnline[i])];
                } else {                // max_a' Q(s', a') from the target (or online) network
                    bootstrap = qNext[i][argMax(qNext[i])];
                }
                if (!allFinite(qNext[i]) || (qNextOnline != null && !allFinite(qNextOnline[i]))) {
                    return "transition " + i + ": Q(s',.)=" + Arrays.toString(qNext[i]);
                }
                y += gamma * bootstrap;
            }
            double d = y - qsa;
            if (!Double.isNaN(errorClamp)) {
                d = Math.max(-errorClamp, Math.min(errorClamp, d));
            }
            delta[i] = d;
        }
        return null;
    }

    private PreQNUpdate skip(long update, int n, String why, double meanAbs, double maxAbs, boolean fallback,
            long kernelNanos, long solveNanos) {
        skippedUpdates++;
        if (rateLimited(skippedUpdates)) {
            log.warn("preqn/skipped_non_finite update={} count={} parameters unchanged: {}", update, skippedUpdates,
                    why);
        }
        return finish(new PreQNUpdate(update, n, PreQNUpdate.Outcome.SKIPPED_NON_FINITE, Double.NaN, Double.NaN, 0,
                0, Double.NaN, Double.NaN, fallback, meanAbs, maxAbs, kernelNanos, solveNanos, 0));
    }

    private PreQNUpdate finish(PreQNUpdate u) {
        lastUpdate = u;
        if (log.isDebugEnabled()) {
            log.debug("update={} preqn/outcome={} preqn/cos_before={} preqn/cos_after={} preqn/step_fraction={} "
                    + "preqn/trials={} preqn/cond_k={} preqn/lambda={} preqn/fallback_solve={} "
                    + "preqn/delta_mean_abs={} preqn/delta_max_abs={} preqn/kernel_ms={} preqn/solve_ms={} "
                    + "preqn/step_ms={}", u.update(), u.outcome(), u.cosineBefore(), u.cosineAfter(),
                    u.stepFraction(), u.trials(), u.conditionNumber(), u.lambda(), u.fallbackSolve(),
                    u.deltaMeanAbs(), u.deltaMaxAbs(), u.kernelNanos() / 1e6, u.solveNanos() / 1e6,
                    u.stepNanos() / 1e6);
        }
        return u;
    }

    /** cos(Q_new(s_i, a_i) - Q_old(s_i, a_i), delta); 0 when Q did not move, NaN when Q_new is not finite. */
    static double cosine(double[][] qNew, double[][] qOld, int[] actions, double[] delta) {
        double dot = 0;
        double nq = 0;
        double nd = 0;
        for (int i = 0; i < actions.length; i++) {
            double dq = qNew[i][actions[i]] - qOld[i][actions[i]];
            dot += dq * delta[i];
            nq += dq * dq;
            nd += delta[i] * delta[i];
        }
        if (!Double.isFinite(nq)) {
            return Double.NaN;
        }
        return nq == 0.0 ? 0.0 : dot / Math.sqrt(nq * nd);
    }

    /** First occurrences, then every 100th. */
    static boolean rateLimited(long count) {
        return count <= 3 || count % 100 == 0;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            if (!allFinite(row)) {
                return false;
            }
        }
        return true;
    }

    /** Updates whose solve returned Z = 0 for a non-zero delta (LAPACK failure); parameters unchanged. */
    public long solveFailures() {
        return solveFailures;
    }

    /** The configured alpha (the fraction of the TD error closed per step). */
    @Override
    public double stepSize() {
        return conf.alpha();
    }

    /** PreQN preconditions with (K + damping * mean(diag K) I)^{-1}: the diagnostics judge that kernel. */
    @Override
    public double preconditionerDamping() {
        return conf.damping();
    }

    /** The configuration in use. */
    public PreQNConfiguration configuration() {
        return conf;
    }

    /** Telemetry of the latest update; IllegalStateException before the first one. */
    public PreQNUpdate lastUpdate() {
        if (lastUpdate == null) {
            throw new IllegalStateException("no PreQN update has run yet; check updates() > 0 first");
        }
        return lastUpdate;
    }

    /** Number of calls to {@link #compute} so far. */
    public long updates() {
        return updates;
    }

    /** Updates skipped because of non-finite input. */
    public long skippedUpdates() {
        return skippedUpdates;
    }

    /** Updates in which no trial met eta (whatever the failure policy did). */
    public long lineSearchFailures() {
        return lineSearchFailures;
    }

    /** The minibatch as arrays: states and next states in the network's data type. */
    private static final class Batch {
        final INDArray states;
        final INDArray nextStates;
        final int[] actions;
        final double[] rewards;
        final boolean[] terminal;
        final boolean anyBootstrap;

        private Batch(INDArray states, INDArray nextStates, int[] actions, double[] rewards, boolean[] terminal,
                boolean anyBootstrap) {
            this.states = states;
            this.nextStates = nextStates;
            this.actions = actions;
            this.rewards = rewards;
            this.terminal = terminal;
            this.anyBootstrap = anyBootstrap;
        }

        static Batch of(List<StateActionRewardState<Integer>> batch) {
            Objects.requireNonNull(batch, "batch");
            if (batch.isEmpty()) {
                throw new IllegalArgumentException("batch must hold at least 1 transition, got 0");
            }
            int n = batch.size();
            double[][] s = new double[n][];
            double[][] s2 = new double[n][];
            int[] a = new int[n];
            double[] r = new double[n];
            boolean[] t = new boolean[n];
            boolean anyBootstrap = false;
            for (int i = 0; i < n; i++) {
                StateActionRewardState<Integer> e = batch.get(i);
                s[i] = row(e.getObservation());
                Observation next = e.getNextObservation();
                t[i] = e.isTerminal();
                if (next == null && !t[i]) {
                    throw new IllegalArgumentException("transition " + i + " is not terminal but has no next observation");
                }
                s2[i] = next == null ? s[i] : row(next);
                a[i] = e.getAction();
                r[i] = e.getReward();
                anyBootstrap |= !t[i];
            }
            return new Batch(Nd4j.createFromArray(s), Nd4j.createFromArray(s2), a, r, t, anyBootstrap);
        }

        /**
         * The observation's first channel flattened to one row (dense networks), read element by element: two ND4J ops
         * per observation (reshape, toDoubleVector) cost about 20 ms per update at N = 256.
         */
        private static double[] row(Observation o) {
            INDArray x = o.getChannelData(0);
            int len = Math.toIntExact(x.length());
            double[] out = new double[len];
            for (int j = 0; j < len; j++) {
                out[j] = x.getDouble(j);
            }
            return out;
        }
    }
}
