package dev.rl4j.diagnostics;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The per-run state of a {@link ProbeSchedule}: the update count at which the next probe is due, the current
 * interval and the signals of the last {@link ProbeSchedule#RECENT_PROBES} probes. Not thread-safe.
 */
final class ProbeTimer {

    private final ProbeSchedule schedule;
    private final ArrayDeque<ProbeSignal> recent = new ArrayDeque<>();
    private long nextDue;
    private int interval;
    private long lastProbeUpdate;
    private long worsenings;

    ProbeTimer(ProbeSchedule schedule) {
        this.schedule = schedule;
        this.nextDue = schedule.first();
    }

    /** True when a probe is due at this update count. */
    boolean isDue(long updates) {
        return updates >= nextDue;
    }

    /** A probe ran at {@code updates} and gave {@code signal}: the schedule chooses the next interval. */
    void probed(long updates, ProbeSignal signal) {
        boolean worse = schedule.worsened(signal, List.copyOf(recent));
        if (worse) {
            worsenings++;
        }
        interval = schedule.nextInterval(interval, worse);
        if (recent.size() == ProbeSchedule.RECENT_PROBES) {
            recent.removeFirst();
        }
        recent.addLast(signal);
        moveTo(updates);
    }

    /** A probe was due but had no batch: the next one is due one interval later, without a signal. */
    void skipped(long updates) {
        lastProbeUpdate = updates;
        nextDue = updates + (interval == 0 ? schedule.nextInterval(0, false) : interval);
    }

    private void moveTo(long updates) {
        lastProbeUpdate = updates;
        nextDue = updates + interval;
    }

    long lastProbeUpdate() {
        return lastProbeUpdate;
    }

    /** The update count at which the next probe is due. */
    long nextDue() {
        return nextDue;
    }

    /** Probes whose signal was worse than the last probes' (each brought the interval back). */
    long worsenings() {
        return worsenings;
    }
}
