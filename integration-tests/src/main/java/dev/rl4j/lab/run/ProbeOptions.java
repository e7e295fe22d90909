package dev.rl4j.lab.run;

import picocli.CommandLine.Option;

/** When the NTK diagnostics listener probes and how many probes a finding needs ({@code --period}, {@code --consecutive}). */
final class ProbeOptions {

    @Option(names = "--period", description = "updates between diagnostics probes, >= 1 (default ${DEFAULT-VALUE})")
    int period;

    @Option(names = "--consecutive", description = "consecutive probes a finding needs, >= 1 (default ${DEFAULT-VALUE})")
    int consecutive = 3;

    /** Default period 1000. */
    public ProbeOptions() {
        this(1000);
    }

    /** @param defaultPeriod the command's default period */
    public ProbeOptions(int defaultPeriod) {
        this.period = defaultPeriod;
    }

    /** Updates between probes, validated. */
    public int period() {
        if (period < 1) {
            throw new IllegalArgumentException("--period must be >= 1, got " + period);
        }
        return period;
    }

    /** Probes a finding needs, validated. */
    public int consecutive() {
        if (consecutive < 1) {
            throw new IllegalArgumentException("--consecutive must be >= 1, got " + consecutive);
        }
        return consecutive;
    }
}
