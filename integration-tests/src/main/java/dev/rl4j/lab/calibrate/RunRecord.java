package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.ProbeRecord;
import java.util.List;

/**
 * One finished run of the suite: what it was, the harness's judgement and every probe the listener recorded.
 *
 * @param entry            the run
 * @param outcome          the harness's judgement
 * @param probes           every probe record, oldest first
 * @param seconds          wall time of the run
 * @param listenerDisabled true when the listener disabled itself after an internal error (its probes stop there)
 * @param targetSyncInterval updates between copies of the network the run's TD targets come from, as the listener
 *                         found it (1: no target network), null when unknown; replays apply
 *                         {@link dev.rl4j.diagnostics.FindingRules#forTargetSyncInterval} with it as the listener did
 */
public record RunRecord(SuiteEntry entry, Outcome outcome, List<ProbeRecord> probes, double seconds,
        boolean listenerDisabled, Integer targetSyncInterval) {

    /** Copies the probe list. */
    public RunRecord {
        probes = List.copyOf(probes);
    }
}
