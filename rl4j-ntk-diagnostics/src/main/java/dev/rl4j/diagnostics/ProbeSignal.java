package dev.rl4j.diagnostics;

import dev.rl4j.ntk.StabilityMetrics;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link ProbeSchedule} learns from one probe: the kinds of its candidate findings (before debouncing),
 * max|Q| on the probe batch and beta (Thm. 2; NaN when no kernel was measured).
 *
 * <p>Stability: experimental. @since 0.2
 *
 * @param candidateKinds the kinds of the probe's candidate findings (unmodifiable)
 * @param maxAbsQ        max |Q(s, a)| on the probe batch; may be NaN or infinite
 * @param beta           beta of Thm. 2 (docs/math.md#contraction); NaN when not measured
 */
public record ProbeSignal(Set<FindingKind> candidateKinds, double maxAbsQ, double beta) {

    /** Copies the kinds. */
    public ProbeSignal {
        Objects.requireNonNull(candidateKinds, "candidateKinds");
        candidateKinds = candidateKinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(candidateKinds));
    }

    /** The signal of a probe record: its candidate kinds, {@code q/max_abs} and {@code ntk/beta}. */
    public static ProbeSignal of(ProbeRecord record) {
        EnumSet<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        record.candidates().forEach(f -> kinds.add(f.kind()));
        ProbeMeasurement m = record.measurement();
        return new ProbeSignal(kinds, m.q().maxAbs(), m.kernelMetric(StabilityMetrics::beta));
    }
}
