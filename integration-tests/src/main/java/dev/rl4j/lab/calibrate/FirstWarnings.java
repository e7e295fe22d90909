package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingDebouncer;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first update at which each finding kind, and the warning set, warned in one run (docs/math.md#calibration):
 * the update of the first probe with an active finding of that kind; for the warning set, the first probe with an
 * active finding of severity WARNING or CRITICAL. {@link #NONE} when it never did.
 *
 * @param byKind  first warning update per kind (every kind present)
 * @param warning first warning update of the warning set
 */
public record FirstWarnings(Map<FindingKind, Long> byKind, long warning) {

    /** No warning. */
    public static final long NONE = -1;

    /** Copies the map. */
    public FirstWarnings {
        byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
    }

    /** As the listener recorded them (its own active findings and their severities). */
    public static FirstWarnings recorded(List<ProbeRecord> probes) {
        Builder b = new Builder();
        for (ProbeRecord r : probes) {
            b.add(r.measurement().update(), r.active());
        }
        return b.build();
    }

    /**
     * As the listener would have recorded them on the same probes with other rules and debouncing: every probe's
     * measurement is re-evaluated with {@code rules} and debounced over {@code consecutive} probes in a row.
     */
    public static FirstWarnings replayed(List<ProbeRecord> probes, FindingRules rules, int consecutive) {
        FindingDebouncer debouncer = new FindingDebouncer(consecutive);
        Builder b = new Builder();
        for (ProbeRecord r : probes) {
            b.add(r.measurement().update(), debouncer.activate(rules.evaluate(r.measurement())));
        }
        return b.build();
    }

    /** The first warning update of {@code kind}, or {@link #NONE}. */
    public long of(FindingKind kind) {
        return byKind.get(kind);
    }

    private static final class Builder {
        private final Map<FindingKind, Long> first = new EnumMap<>(FindingKind.class);
        private long warning = NONE;

        Builder() {
            for (FindingKind k : FindingKind.values()) {
                first.put(k, NONE);
            }
        }

        void add(long update, List<Finding> active) {
            for (Finding f : active) {
                if (first.get(f.kind()) == NONE) {
                    first.put(f.kind(), update);
                }
                if (warning == NONE && f.severity() != Severity.INFO) {
                    warning = update;
                }
            }
        }

        FirstWarnings build() {
            return new FirstWarnings(first, warning);
        }
    }
}
