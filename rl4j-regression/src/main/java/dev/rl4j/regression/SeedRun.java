package dev.rl4j.regression;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.NtkDiagnosticsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.apache.commons.lang3.builder.Builder;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.IAgentLearner;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.network.CommonOutputNames;
import org.deeplearning4j.rl4j.network.NeuralNetOutput;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.policy.INeuralNetPolicy;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs one seed through one RL4J pipeline and judges it; every failure becomes a failed {@link SeedResult}. */
final class SeedRun {

    /**
     * What every seed is checked against.
     *
     * @param expectations all must hold
     * @param forbidden    finding kinds that fail the seed (diagnostics are attached when non-empty)
     * @param diagnostics  seed to diagnostics configuration; null when diagnostics are not attached
     * @param timeLimit    per-seed wall-time limit; null for none
     */
    record Checks(List<Expectation> expectations, Set<FindingKind> forbidden,
            LongFunction<NtkDiagnosticsBuilder> diagnostics, Duration timeLimit) {
    }

    private final long seed;
    private final Checks checks;
    private final long startNanos = System.nanoTime();
    private final SeedMonitor monitor;
    private final List<String> failures = new ArrayList<>();
    private NtkDiagnostics diagnostics;
    private long steps;

    private SeedRun(long seed, Checks checks) {
        this.seed = seed;
        this.checks = checks;
        this.monitor = new SeedMonitor(checks.timeLimit() == null ? Long.MAX_VALUE
                : startNanos + checks.timeLimit().toNanos(), checks.forbidden());
    }

    /** Builds the learner with the factory, trains it with {@code train()} and judges the run. */
    static SeedResult legacy(long seed, AgentRegression.Factory<? extends QLearningDiscrete<?>> factory, Checks checks) {
        SeedRun run = new SeedRun(seed, checks);
        QLearningDiscrete<?> learner;
        try {
            learner = factory.create(seed);
            if (learner == null) {
                return run.failed("factory returned null");
            }
            run.attachDiagnostics();
        } catch (Exception | LinkageError e) {
            return run.failed("factory threw " + describe(e));
        }
        try {
            learner.addListener(run.monitor);
            if (run.diagnostics != null) {
                learner.addListener(run.diagnostics);
            }
            learner.train();
            run.steps = learner.getStepCount();
            if (!finite(learner.getNeuralNet().getNeuralNetworks())) {
                run.failures.add("non-finite network parameters");
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            run.steps = learner.getStepCount();
            run.failures.add("training threw " + describe(e));
        } finally {
            run.closeDiagnostics();
        }
        return run.judge();
    }

    /** Builds the agent-learner through RL4J's {@link SyncTrainer}, trains until the step budget and judges the run. */
    static SeedResult builder(long seed, AgentRegression.Factory<? extends Builder<IAgentLearner<Integer>>> factory,
            long stepBudget, Checks checks) {
        SeedRun run = new SeedRun(seed, checks);
        SyncTrainer<Integer> trainer;
        try {
            Builder<IAgentLearner<Integer>> user = factory.create(seed);
            if (user == null) {
                return run.failed("factory returned null");
            }
            run.attachDiagnostics();
            trainer = new SyncTrainer<>(() -> run.attach(user.build()),
                    t -> run.monitor.stopRequested() || (run.diagnostics != null && run.diagnostics.stopRequested())
                            || t.getStepCount() >= stepBudget);
        } catch (Exception | LinkageError e) {
            run.closeDiagnostics();
            return run.failed("factory threw " + describe(e));
        }
        try {
            trainer.train();
            run.steps = Math.max(trainer.getStepCount(), run.monitor.agentSteps());
            if (!finite(trainer.getAgentLearner(), run.monitor.lastObservation())) {
                run.failures.add("non-finite Q-values");
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            run.steps = run.monitor.agentSteps();
            run.failures.add("training threw " + describe(e));
        } finally {
            run.closeDiagnostics();
        }
        return run.judge();
    }

    private IAgentLearner<Integer> attach(IAgentLearner<Integer> learner) {
        if (!(learner instanceof Agent<?> agent)) {
            throw new IllegalArgumentException("the builder must build an org.deeplearning4j.rl4j.agent.Agent (such as "
                    + "AgentLearner) so that listeners can be attached, got "
                    + (learner == null ? "null" : learner.getClass().getName()));
        }
        agent.addListener(monitor);
        if (diagnostics != null) {
            agent.addListener(diagnostics);
        }
        return learner;
    }

    private void attachDiagnostics() {
        if (checks.diagnostics() == null) {
            return;
        }
        NtkDiagnosticsBuilder b = checks.diagnostics().apply(seed);
        if (b == null) {
            throw new IllegalStateException("the diagnostics configuration returned null for seed " + seed);
        }
        diagnostics = b.sink(monitor).build();
    }

    private void closeDiagnostics() {
        if (diagnostics != null) {
            diagnostics.close();
        }
    }

    private SeedResult failed(String reason) {
        failures.add(reason);
        return judge();
    }

    /** Applies every check in a fixed order: time limit, non-finite, forbidden findings, expectations. */
    private SeedResult judge() {
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        List<Double> returns = monitor.returns();
        List<String> reasons = new ArrayList<>(failures);
        if (monitor.stop() == SeedMonitor.Stop.TIME_LIMIT) {
            reasons.add("time limit " + checks.timeLimit() + " reached after " + steps + " steps");
        }
        int nonFinite = firstNonFinite(returns);
        if (nonFinite >= 0) {
            reasons.add("non-finite return in episode " + (nonFinite + 1));
        }
        Map<FindingKind, Long> seen = monitor.firstUpdate();
        if (seen.containsKey(FindingKind.NON_FINITE) && !checks.forbidden().contains(FindingKind.NON_FINITE)) {
            reasons.add("non-finite values (diagnostics NON_FINITE at update " + seen.get(FindingKind.NON_FINITE) + ")");
        }
        for (FindingKind k : checks.forbidden()) {
            if (seen.containsKey(k)) {
                reasons.add(k + " active at update " + seen.get(k));
            }
        }
        boolean ranToEnd = failures.isEmpty() && monitor.stop() == SeedMonitor.Stop.NONE;
        double mean = SeedResult.mean100(returns);
        double best = SeedResult.bestMean100(returns);
        SeedResult probe = new SeedResult(seed, returns.size(), returns, monitor.endSteps(), best, mean, steps,
                monitor.probes(), seen, wall, true, "ok");
        if (ranToEnd) {
            for (Expectation e : checks.expectations()) {
                if (!e.holds(probe.metrics())) {
                    reasons.add(returns.isEmpty() ? "no episode finished, so " + e + " cannot hold"
                            : e.metric() + "=" + format(probe.metrics().get(e.metric())) + " does not meet " + e);
                }
            }
        }
        return new SeedResult(seed, returns.size(), returns, monitor.endSteps(), best, mean, steps, monitor.probes(),
                seen, wall, reasons.isEmpty(), reasons.isEmpty() ? "ok" : String.join("; ", reasons));
    }

    /** Index of the first non-finite return, -1 when all are finite. */
    private static int firstNonFinite(List<Double> returns) {
        for (int i = 0; i < returns.size(); i++) {
            if (!Double.isFinite(returns.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean finite(NeuralNetwork[] nets) {
        for (NeuralNetwork n : nets == null ? new NeuralNetwork[0] : nets) {
            INDArray p = n == null ? null : n.params();
            if (p != null && (p.isNaN().any() || p.isInfinite().any())) {
                return false;
            }
        }
        return true;
    }

    /** Q-values of the last observation, when the policy exposes its network; true when they cannot be read. */
    private static boolean finite(IAgentLearner<Integer> learner, Observation last) {
        if (last == null || last.isSkipped() || !(learner.getPolicy() instanceof INeuralNetPolicy<?> p)
                || p.getNeuralNet() == null) {
            return true;
        }
        try {
            NeuralNetOutput out = p.getNeuralNet().output(last);
            INDArray q = out == null ? null : out.get(CommonOutputNames.QValues);
            return q == null || !(q.isNaN().any() || q.isInfinite().any());
        } catch (IllegalArgumentException e) {
            return true; // no Q output (not a Q-learner): nothing to check
        }
    }

    static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? text : text + " (cause " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
