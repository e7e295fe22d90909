package dev.rl4j.lab.report;

import java.util.List;

/**
 * Everything the report draws for one training run.
 *
 * @param name        label of the run in legends, e.g. "DQN" or "PreQN"
 * @param episodes    finished episodes in order
 * @param probes      diagnostics probes in order (may be empty)
 * @param firstKernel K of a fixed batch before training, or null
 * @param lastKernel  K of the same batch after training, or null
 */
public record RunSeries(String name, List<Episode> episodes, List<Probe> probes, double[][] firstKernel,
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

    /**
     * One diagnostics probe.
     *
     * @param step        environment steps when it ran
     * @param maxAbsQ     max |Q| on the probe batch
     * @param softBound   r_max / (1 - gamma), the soft-divergence bound
     * @param rowRatioMax max_i R_i(K)
     * @param rowRatioBound (1 - gamma) / (1 + gamma), eq. 17's bound with rho uniform
     * @param beta        contraction modulus with the effective step size
     * @param seem        largest real eigenvalue of gamma K(X*, X) - K(X, X); NaN if not computed
     * @param findings    names of the findings active at this probe (may be empty)
     */
    public record Probe(long step, double maxAbsQ, double softBound, double rowRatioMax, double rowRatioBound,
            double beta, double seem, List<String> findings) {

        /** Copies the findings. */
        public Probe {
            findings = List.copyOf(findings);
        }
    }
}
