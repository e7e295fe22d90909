package dev.rl4j.diagnostics;

/**
 * When to probe: a fixed period in updates. A probe is due once at least {@code period} updates passed since the
 * update count of the previous probe (0 before the first); adapters ask at their own callbacks (episode end, step).
 */
final class ProbeSchedule {

    private final int period;
    private long lastProbeUpdate;

    ProbeSchedule(int period) {
        this.period = period;
    }

    /** True when {@code updates - lastProbeUpdate >= period}. */
    boolean isDue(long updates) {
        return updates - lastProbeUpdate >= period;
    }

    /** Records that a probe ran (or was attempted) at this update count. */
    void probedAt(long updates) {
        lastProbeUpdate = updates;
    }

    long lastProbeUpdate() {
        return lastProbeUpdate;
    }

    int period() {
        return period;
    }
}
