package dev.rl4j.diagnostics;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The validated settings of {@link NtkDiagnostics} (what {@link NtkDiagnosticsBuilder} collects). The constructor
 * checks every field and names the offending one, its allowed range and the value received.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param period             updates between probes, >= 1
 * @param probeSize          transitions per probe, in [2, 4096]
 * @param reservoirCapacity  transitions the builder-pipeline reservoir keeps, >= probeSize
 * @param historyCapacity    probe records kept by {@link NtkDiagnostics#history()}, >= 0
 * @param consecutiveProbes  probes in a row a finding must hold before it becomes active, >= 1
 * @param rules              thresholds of the findings
 * @param stopOn             findings that end training when they become active (unmodifiable)
 * @param rethrowErrors      rethrow internal exceptions instead of disabling the listener
 * @param dormantThreshold   dormant-unit threshold tau, in [0, 1]
 * @param seed               seed of the listener's own generator
 * @param gamma              discount in [0, 1), or null to read it from the learner
 * @param stepSize           alpha > 0 and finite, or null to resolve it ({@link StepSize#resolve})
 * @param network            the Q-network, or null to find it on the learner
 * @param logInterval        minimum time between two INFO log lines, >= 0
 */
public record DiagnosticsConfig(int period, int probeSize, int reservoirCapacity, int historyCapacity,
        int consecutiveProbes, FindingRules rules, Set<FindingKind> stopOn, boolean rethrowErrors,
        double dormantThreshold, long seed, Double gamma, Double stepSize, MultiLayerNetwork network,
        Duration logInterval) {

    /** @throws IllegalArgumentException naming the field, its range and the value received */
    public DiagnosticsConfig {
        requireInt("period", period, 1, Integer.MAX_VALUE);
        requireInt("probeSize", probeSize, 2, 4096);
        requireInt("reservoirCapacity", reservoirCapacity, probeSize, Integer.MAX_VALUE);
        requireInt("historyCapacity", historyCapacity, 0, Integer.MAX_VALUE);
        requireInt("consecutiveProbes", consecutiveProbes, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(stopOn, "stopOn");
        if (!(dormantThreshold >= 0 && dormantThreshold <= 1)) {
            throw new IllegalArgumentException("dormantThreshold must be in [0, 1], got " + dormantThreshold);
        }
        if (gamma != null && !(gamma >= 0.0 && gamma < 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        if (stepSize != null && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        Objects.requireNonNull(logInterval, "logInterval");
        if (logInterval.isNegative()) {
            throw new IllegalArgumentException("logInterval must be >= 0, got " + logInterval);
        }
        stopOn = Collections.unmodifiableSet(stopOn.isEmpty() ? EnumSet.noneOf(FindingKind.class)
                : EnumSet.copyOf(stopOn));
    }

    private static void requireInt(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
