package dev.rl4j.lab.report;

import dev.rl4j.diagnostics.ProbeRecord;
import java.util.List;

/**
 * Everything the report draws for one training run.
 *
 * @param name        label of the run in legends, e.g. "DQN" or "PreQN"
 * @param episodes    finished episodes in order
 * @param probes      the diagnostics listener's probe records in order (may be empty)
 * @param firstKernel K of a fixed batch before training, or null
 * @param lastKernel  K of the same batch after training, or null
 */
public record RunSeries(String name, List<Episode> episodes, List<ProbeRecord> probes, double[][] firstKernel,
        double[][] lastKernel) {

    /** Copies the lists. */
    public RunSeries {
        episodes = List.copyOf(episodes);
        probes = List.copyOf(probes);
    }

    /**
     * One finished episode.
     *
     * @param step    environment steps at its end, counted from the start of training
     * @param episode 1-based index
     * @param reward  undiscounted return
     */
    public record Episode(long step, int episode, double reward) {
    }
}
