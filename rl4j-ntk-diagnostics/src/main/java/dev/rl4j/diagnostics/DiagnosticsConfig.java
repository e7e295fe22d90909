package dev.rl4j.diagnostics;

import dev.rl4j.ntk.Discount;
import dev.rl4j.provenance.JsonValues;
import dev.rl4j.provenance.NetworkShape;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The validated settings of {@link NtkDiagnostics} (what {@link NtkDiagnosticsBuilder} collects). The constructor
 * checks every field and names the offending one, its allowed range and the value received.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param schedule           when to probe ({@link ProbeSchedule}: {@link ProbeSchedule#adaptive()} by default,
 *                           {@link ProbeSchedule#fixed(int)} for {@link NtkDiagnosticsBuilder#period(int)}); it
 *                           validates its own fields
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
 * @param targetSyncInterval updates between copies of the network the TD targets come from, >= 1 (1: the network
 *                           being trained), or null to read it from the learner ({@link BootstrapSource}, RL4J's
 *                           target update frequency); decides SELF_EXCITING's severity
 *                           ({@link FindingRules#forTargetSyncInterval})
 */
public record DiagnosticsConfig(ProbeSchedule schedule, int probeSize, int reservoirCapacity, int historyCapacity,
        int consecutiveProbes, FindingRules rules, Set<FindingKind> stopOn, boolean rethrowErrors,
        double dormantThreshold, long seed, Double gamma, Double stepSize, MultiLayerNetwork network,
        Duration logInterval, Integer targetSyncInterval) {

    /** @throws IllegalArgumentException naming the field, its range and the value received */
    public DiagnosticsConfig {
        Objects.requireNonNull(schedule, "schedule");
        requireInt("probeSize", probeSize, 2, 4096);
        requireInt("reservoirCapacity", reservoirCapacity, probeSize, Integer.MAX_VALUE);
        requireInt("historyCapacity", historyCapacity, 0, Integer.MAX_VALUE);
        requireInt("consecutiveProbes", consecutiveProbes, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(stopOn, "stopOn");
        if (!(dormantThreshold >= 0 && dormantThreshold <= 1)) {
            throw new IllegalArgumentException("dormantThreshold must be in [0, 1], got " + dormantThreshold);
        }
        if (gamma != null) {
            Discount.BELOW_ONE.require("gamma", gamma);
        }
        if (stepSize != null && !(stepSize > 0 && Double.isFinite(stepSize))) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
        }
        Objects.requireNonNull(logInterval, "logInterval");
        if (logInterval.isNegative()) {
            throw new IllegalArgumentException("logInterval must be >= 0, got " + logInterval);
        }
        if (targetSyncInterval != null && targetSyncInterval < 1) {
            throw new IllegalArgumentException("targetSyncInterval must be >= 1 (1: no target network), got "
                    + targetSyncInterval);
        }
        stopOn = Collections.unmodifiableSet(stopOn.isEmpty() ? EnumSet.noneOf(FindingKind.class)
                : EnumSet.copyOf(stopOn));
    }

    /**
     * These settings as a provenance object ({@code dev.rl4j.provenance}): snake_case keys, the schedule
     * ({@link ProbeSchedule#toSettings()}: {@code {"kind": "adaptive", "first": 1, "initial_interval": 10, ...}} or
     * {@code {"kind": "fixed", "period": 50}}), the rules' thresholds, the network's shape ({@link NetworkShape})
     * rather than the network, null for a value left to the learner.
     */
    public Map<String, Object> toSettings() {
        Map<String, Object> r = JsonValues.ordered("min_fraction_17", rules.minFraction17(), "step_too_small_margin",
                rules.stepTooSmallMargin(), "seem_tolerance", rules.seemTolerance(), "soft_factor", rules.softFactor(),
                "min_srank_fraction", rules.minSrankFraction(), "flag_no_contraction", rules.flagNoContraction(),
                "informational", rules.informational().stream().map(Enum::name).toList());
        return JsonValues.ordered("schedule", schedule.toSettings(), "probe_size", probeSize, "reservoir_capacity",
                reservoirCapacity, "history_capacity", historyCapacity, "consecutive_probes", consecutiveProbes,
                "rules", r,
                "stop_on", stopOn.stream().map(Enum::name).toList(), "rethrow_errors", rethrowErrors,
                "dormant_threshold", dormantThreshold, "seed", seed, "gamma", gamma, "step_size", stepSize,
                "network", NetworkShape.of(network), "log_interval_seconds", logInterval.toMillis() / 1000.0,
                "target_sync_interval", targetSyncInterval);
    }

    private static void requireInt(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
