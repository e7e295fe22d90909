package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One row of diagnostics output: the measurement of one probe and its findings.
 *
 * <p>Column names ({@link #COLUMNS}) are stable: the CSV header and the JSON Lines keys. They are the measurement's
 * {@link ProbeMeasurement#columns()} followed by {@code findings/active} and {@code findings/candidates}
 * (finding kinds joined by {@code ;}, empty when none).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param index       0-based probe number within the run
 * @param measurement the numbers, never null
 * @param candidates  findings the rules produced on this probe alone, before debouncing
 * @param active      findings confirmed on this probe: met on k consecutive probes (NON_FINITE: at once)
 */
public record ProbeRecord(long index, ProbeMeasurement measurement, List<Finding> candidates, List<Finding> active) {

    /** Stable output columns, in order. */
    public static final List<String> COLUMNS = columnNames();

    /** Validates and copies. */
    public ProbeRecord {
        Objects.requireNonNull(measurement, "measurement");
        candidates = List.copyOf(candidates);
        active = List.copyOf(active);
    }

    /** True when an active finding has this kind. */
    public boolean isActive(FindingKind kind) {
        return active.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The kinds of the active findings, in order. */
    public List<FindingKind> activeKinds() {
        return active.stream().map(Finding::kind).toList();
    }

    /** Every column value, keyed by {@link #COLUMNS}. */
    public Map<String, Object> columns() {
        Map<String, Object> m = measurement.columns();
        m.put("findings/active", kinds(active));
        m.put("findings/candidates", kinds(candidates));
        return m;
    }

    private static String kinds(List<Finding> findings) {
        return findings.stream().map(f -> f.kind().name()).collect(Collectors.joining(";"));
    }

    private static List<String> columnNames() {
        List<String> names = new ArrayList<>(ProbeMeasurement.COLUMN_NAMES);
        names.add("findings/active");
        names.add("findings/candidates");
        return List.copyOf(names);
    }
}
