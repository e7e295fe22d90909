package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The suite's table: {@link WarningMetrics} of the warning set and of each finding kind, for one way of reading the
 * runs' warnings ({@link FirstWarnings#recorded} as the listener recorded them, or {@link FirstWarnings#replayed}
 * with other rules and debouncing).
 *
 * @param warning the default warning set
 * @param byKind  every finding kind
 */
public record CalibrationMetrics(WarningMetrics warning, Map<FindingKind, WarningMetrics> byKind) {

    /** The metrics of {@code runs} with their warnings read by {@code warnings}. */
    public static CalibrationMetrics of(List<RunRecord> runs, Function<RunRecord, FirstWarnings> warnings) {
        List<FirstWarnings> first = runs.stream().map(warnings).toList();
        List<WarningMetrics.Labelled> set = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            set.add(new WarningMetrics.Labelled(runs.get(i).outcome().divergedAt(), first.get(i).warning()));
        }
        Map<FindingKind, WarningMetrics> kinds = new EnumMap<>(FindingKind.class);
        for (FindingKind k : FindingKind.values()) {
            List<WarningMetrics.Labelled> l = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                l.add(new WarningMetrics.Labelled(runs.get(i).outcome().divergedAt(), first.get(i).of(k)));
            }
            kinds.put(k, WarningMetrics.of(l));
        }
        return new CalibrationMetrics(WarningMetrics.of(set), kinds);
    }

    /** As the listener recorded them. */
    public static CalibrationMetrics recorded(List<RunRecord> runs) {
        return of(runs, r -> FirstWarnings.recorded(r.probes()));
    }

    /**
     * Replayed with {@code rules} and {@code consecutive}, the rules applied to each run as the listener applies them
     * to its learner ({@link FindingRules#forTargetSyncInterval} with the run's interval).
     */
    public static CalibrationMetrics replayed(List<RunRecord> runs, FindingRules rules, int consecutive) {
        return of(runs, r -> FirstWarnings.replayed(r.probes(), rules.forTargetSyncInterval(r.targetSyncInterval()),
                consecutive));
    }

    /** {@code by_kind}: kind name -> metrics object. */
    public Map<String, Object> byKindJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        byKind.forEach((k, v) -> m.put(k.name(), v.toJson()));
        return m;
    }
}
