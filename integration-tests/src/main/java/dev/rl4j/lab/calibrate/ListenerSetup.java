package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.DiagnosticsConfig;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.NtkDiagnosticsBuilder;

/**
 * How the suite attaches the listener: {@code NtkDiagnostics.builder()} with every default, except the probe period
 * and the debouncing when the command was asked to vary them (tuning).
 *
 * @param period      updates between probes, or null for the listener's default
 * @param consecutive probes a finding must hold, or null for the listener's default
 */
public record ListenerSetup(Integer period, Integer consecutive) {

    /** The listener's defaults. */
    public static ListenerSetup defaults() {
        return new ListenerSetup(null, null);
    }

    /** A builder with the defaults and this setup's overrides (validated at build). */
    public NtkDiagnosticsBuilder builder() {
        NtkDiagnosticsBuilder b = NtkDiagnostics.builder();
        if (period != null) {
            b.period(period);
        }
        if (consecutive != null) {
            b.consecutiveProbes(consecutive);
        }
        return b;
    }

    /** The listener's configuration under this setup (the defaults filled in). */
    public DiagnosticsConfig config() {
        var monitor = builder().buildMonitor();
        monitor.close();
        return monitor.config();
    }
}
