package dev.rl4j.lab.run;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeSchedule;
import picocli.CommandLine.Option;

/**
 * When the NTK diagnostics listener probes and how many probes a finding needs ({@code --period},
 * {@code --consecutive}). Unset, both are the listener's own defaults: the adaptive {@link ProbeSchedule#adaptive()}
 * and {@link NtkDiagnostics#DEFAULT_CONSECUTIVE_PROBES}, so the lab runs the listener as a user who attaches it with
 * one line does.
 */
final class ProbeOptions {

    @Option(names = "--period", description = "a fixed number of updates between diagnostics probes, >= 1 (default: "
            + "the listener's adaptive schedule: first probe after the first update, dense early, geometric back-off)")
    Integer period;

    @Option(names = "--consecutive", description = "consecutive probes a finding needs, >= 1 (default: the "
            + "listener's, " + NtkDiagnostics.DEFAULT_CONSECUTIVE_PROBES + ")")
    Integer consecutive;

    /** The schedule: {@code fixed(--period)} or the listener's default; validated. */
    public ProbeSchedule schedule() {
        if (period == null) {
            return ProbeSchedule.adaptive();
        }
        if (period < 1) {
            throw new IllegalArgumentException("--period must be >= 1, got " + period);
        }
        return ProbeSchedule.fixed(period);
    }

    /** Probes a finding needs, validated. */
    public int consecutive() {
        if (consecutive == null) {
            return NtkDiagnostics.DEFAULT_CONSECUTIVE_PROBES;
        }
        if (consecutive < 1) {
            throw new IllegalArgumentException("--consecutive must be >= 1, got " + consecutive);
        }
        return consecutive;
    }

    /** The schedule as a report header: "every N updates" or the adaptive schedule's settings. */
    public String describe() {
        return period == null ? "listener default " + schedule().toSettings() : "every " + period + " updates";
    }
}
