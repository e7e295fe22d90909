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
 * @param greedy      greedy evaluations during and after training, in step order (may be empty)
 * @param updates     sampled PreQN update telemetry in step order (empty for other learners)
 */
public record RunSeries(String name, List<Episode> episodes, List<ProbeRecord> probes, double[][] firstKernel,
        double[][] lastKernel, List<Greedy> greedy, List<UpdateSample> updates) {

    /** Copies the lists. */
    public RunSeries {
        episodes = List.copyOf(episodes);
        probes = List.copyOf(probes);
        greedy = List.copyOf(greedy);
        updates = List.copyOf(updates);
    }

    /** A run without greedy evaluations or update telemetry. */
    public RunSeries(String name, List<Episode> episodes, List<ProbeRecord> probes, double[][] firstKernel,
            double[][] lastKernel) {
        this(name, episodes, probes, firstKernel, lastKernel, List.of(), List.of());
    }

    /** This run with greedy evaluations and update telemetry attached. */
    public RunSeries with(List<Greedy> greedyEvaluations, List<UpdateSample> updateSamples) {
        return new RunSeries(name, episodes, probes, firstKernel, lastKernel, greedyEvaluations, updateSamples);
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
     * Greedy episodes played on a separate environment at a point of training (the policy is not changed by them).
     *
     * @param step       environment steps of training when they were played
     * @param meanReturn mean undiscounted return of the greedy episodes; NaN when none were played
     * @param episodes   greedy episodes played
     * @param maxAbsQ    max |Q(s, a)| over a fixed set of states and every action
     * @param qBound     the soft-divergence bound r_max * rewardFactor / (1 - gamma) max|Q| should stay below
     */
    public record Greedy(long step, double meanReturn, int episodes, double maxAbsQ, double qBound) {
    }

    /**
     * PreQN's update telemetry sampled at an episode end: failure rates counted over every update of the window
     * since the previous sample, and the last update's own figures.
     *
     * @param step               environment steps at the sample
     * @param updates            PreQN updates so far
     * @param windowUpdates      updates since the previous sample (>= 1)
     * @param lineSearchFailRate fraction of the window's updates whose line search found no trial with cos >= eta
     * @param skippedRate        fraction of the window's updates skipped on non-finite input
     * @param solveFailedRate    fraction of the window's updates whose solve failed (Z = 0)
     * @param outcome            the last update's outcome name (ACCEPTED, KEPT_SMALLEST_TRIAL, ...)
     * @param trials             the last update's trial steps
     * @param stepFraction       the last update's kept step fraction c^k; 0 when theta was unchanged
     * @param conditionNumber    the last update's cond(K + lambda I); NaN when K was not solved
     * @param lambda             the last update's damping; NaN when K was not solved
     * @param tdClosed           the last update's fraction of TD error closed; NaN when theta was unchanged
     * @param bootOverDq         the last update's bootstrap move per unit Q move; NaN when not measured
     */
    public record UpdateSample(long step, long updates, long windowUpdates, double lineSearchFailRate,
            double skippedRate, double solveFailedRate, String outcome, int trials, double stepFraction,
            double conditionNumber, double lambda, double tdClosed, double bootOverDq) {

        /** Validates the counts and rates. */
        public UpdateSample {
            if (windowUpdates < 1 || updates < windowUpdates) {
                throw new IllegalArgumentException("windowUpdates must be in [1, updates], got " + windowUpdates
                        + " of " + updates);
            }
            for (double rate : new double[] {lineSearchFailRate, skippedRate, solveFailedRate}) {
                if (!(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException("rates must be in [0, 1], got " + rate);
                }
            }
        }
    }
}
