package dev.rl4j.lab.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.rl4j.provenance.JsonValues;

/**
 * What a warning predicted over the suite (docs/math.md#calibration), a pure function of (divergence update, first
 * warning update) per run: recall (diverged runs warned at a probe before the divergence update), false-alarm rate
 * (healthy runs with any warning) and the median lead in updates over recalled runs. An undefined fraction is null,
 * with the reason in {@link #undefined()}.
 *
 * @param runsDiverged   diverged runs
 * @param runsHealthy    healthy runs
 * @param recalled       diverged runs warned before the divergence
 * @param falseAlarms    healthy runs with a warning
 * @param recall         recalled / runsDiverged in [0, 1]; null when no run diverged
 * @param falseAlarmRate falseAlarms / runsHealthy in [0, 1]; null when no run was healthy
 * @param medianLead     median of (divergence update - first warning update) over recalled runs; null when none
 * @param undefined      why a value is null, one sentence per null value
 */
public record WarningMetrics(int runsDiverged, int runsHealthy, int recalled, int falseAlarms, Double recall,
        Double falseAlarmRate, Double medianLead, List<String> undefined) {

    /** Copies the reasons. */
    public WarningMetrics {
        undefined = List.copyOf(undefined);
    }

    /**
     * One run as the metrics see it.
     *
     * @param divergedAt   the divergence update, or {@link Outcome#HEALTHY}
     * @param firstWarning the first warning update, or {@link FirstWarnings#NONE}
     */
    public record Labelled(long divergedAt, long firstWarning) {

        /** True when the run diverged and the warning came at an update before the divergence. */
        public boolean recalled() {
            return divergedAt != Outcome.HEALTHY && firstWarning != FirstWarnings.NONE && firstWarning < divergedAt;
        }

        /** True when the run was healthy and warned. */
        public boolean falseAlarm() {
            return divergedAt == Outcome.HEALTHY && firstWarning != FirstWarnings.NONE;
        }
    }

    /** The metrics of these runs. */
    public static WarningMetrics of(List<Labelled> runs) {
        int diverged = 0;
        int healthy = 0;
        int recalled = 0;
        int alarms = 0;
        List<Long> leads = new ArrayList<>();
        for (Labelled r : runs) {
            if (r.divergedAt() == Outcome.HEALTHY) {
                healthy++;
                alarms += r.falseAlarm() ? 1 : 0;
            } else {
                diverged++;
                if (r.recalled()) {
                    recalled++;
                    leads.add(r.divergedAt() - r.firstWarning());
                }
            }
        }
        List<String> why = new ArrayList<>();
        Double recall = diverged == 0 ? null : (double) recalled / diverged;
        if (recall == null) {
            why.add("recall: no run diverged");
        }
        Double fa = healthy == 0 ? null : (double) alarms / healthy;
        if (fa == null) {
            why.add("false_alarm_rate: no run was healthy");
        }
        Double lead = median(leads);
        if (lead == null) {
            why.add("median_lead_updates: no diverged run was warned before its divergence");
        }
        return new WarningMetrics(diverged, healthy, recalled, alarms, recall, fa, lead, why);
    }

    /** The median, the mean of the two middle values for an even count; null for no values. */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? (double) sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** The JSON object: recall, false_alarm_rate, median_lead_updates, counts and the reasons for nulls. */
    public Map<String, Object> toJson() {
        return JsonValues.ordered("recall", recall, "false_alarm_rate", falseAlarmRate, "median_lead_updates", medianLead,
                "runs_diverged", runsDiverged, "runs_healthy", runsHealthy, "recalled", recalled, "false_alarms",
                falseAlarms, "undefined", undefined);
    }
}
