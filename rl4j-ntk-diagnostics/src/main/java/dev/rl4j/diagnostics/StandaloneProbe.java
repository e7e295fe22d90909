package dev.rl4j.diagnostics;

import dev.rl4j.ntk.EigenvalueMethod;
import dev.rl4j.ntk.EmpiricalNtk;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One probe outside a listener, computed exactly as the listener computes it (the same {@code ProbeComputation}
 * and {@link FindingRules}), with the wall time of each stage: what {@code rl4j-lab bench-probe} times. The network
 * is read, never written.
 *
 * <pre>{@code
 * StandaloneProbe.Result r = StandaloneProbe.run(net, EmpiricalNtk.of(net), batch,
 *         new StandaloneProbe.Settings(0.99, 1e-3, 1.0), EigenvalueMethod.KRYLOV);
 * r.stages().millis();   // per stage
 * }</pre>
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class StandaloneProbe {

    private StandaloneProbe() {
    }

    /**
     * What the listener would otherwise discover or resolve.
     *
     * @param gamma                 discount in [0, 1)
     * @param alpha                 step size, > 0 (NaN: no kernel metrics, as in the listener)
     * @param rMax                  largest |reward| seen so far, >= 0
     * @param dormantThreshold      dormant-unit threshold tau, in [0, 1]
     * @param preconditionerDamping PreQN's damping (metrics of the preconditioned kernel), or NaN for a DQN learner
     * @param rules                 the finding rules, never null
     */
    public record Settings(double gamma, double alpha, double rMax, double dormantThreshold,
            double preconditionerDamping, FindingRules rules) {

        /** A DQN learner with the listener's default rules and dormant threshold 0.025. */
        public Settings(double gamma, double alpha, double rMax) {
            this(gamma, alpha, rMax, 0.025, Double.NaN, FindingRules.live());
        }

        /** Validates the rules. */
        public Settings {
            Objects.requireNonNull(rules, "rules");
        }
    }

    /**
     * One probe's result.
     *
     * @param measurement the measurement the listener would record
     * @param findings    the findings of {@link Settings#rules()} on it (before debouncing)
     * @param stages      the wall time of each stage
     */
    public record Result(ProbeMeasurement measurement, List<Finding> findings, ProbeStages stages) {
    }

    /**
     * Runs one probe on {@code batch}.
     *
     * @param net    the Q-network; read, never written
     * @param ntk    the kernel engine of {@code net} (reused across probes as in the listener)
     * @param batch  the probe transitions, at least one
     * @param method how the eigenvalues are found: {@link EigenvalueMethod#KRYLOV} is what the listener runs,
     *               {@link EigenvalueMethod#FULL_DECOMPOSITION} the reference
     */
    public static Result run(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch, Settings settings,
            EigenvalueMethod method) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("batch must hold at least one transition, got 0");
        }
        long start = System.nanoTime();
        ProbeStages stages = new ProbeStages();
        ProbeComputation.Context c = new ProbeComputation.Context(0, 0, 0, settings.gamma(), settings.alpha(),
                Double.isNaN(settings.preconditionerDamping()) ? AlphaSource.USER : AlphaSource.PRECONDITIONED, Double.NaN, settings.rMax(), settings.dormantThreshold(), start,
                settings.preconditionerDamping());
        ProbeMeasurement m = ProbeComputation.measure(net, ntk, batch, c, Objects.requireNonNull(method, "method"),
                stages);
        List<Finding> findings = settings.rules().evaluate(m);
        stages.lap(ProbeStages.Stage.FINDINGS);
        return new Result(m, findings, stages);
    }
}
