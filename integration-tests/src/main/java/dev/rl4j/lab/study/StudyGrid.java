package dev.rl4j.lab.study;

import dev.rl4j.lab.LabOptions;
import java.util.Arrays;
import java.util.List;

/**
 * The grid of the NTK architecture study: every (activation, width, depth) cell is measured on {@code seeds} random
 * initialisations. Validated on construction; messages name the command-line option, the allowed range and the value.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param activations hidden activations (relu, tanh, sin or any DL4J activation name), non-empty, no duplicates
 * @param widths      hidden widths, each in [1, 4096], non-empty, no duplicates
 * @param depths      numbers of hidden layers, each in [1, 16], non-empty, no duplicates
 * @param seeds       random initialisations per cell, in [1, 100]; network seeds are {@code seed, seed+1, ...}
 * @param states      CartPole state-action pairs N, in [2, 2000] (K is N x N; its eigenvalues cost N^3)
 * @param seed        seed of the CartPole rollout and first network seed, >= 1 (DL4J treats a network seed of 0 as
 *                    unset and initialises randomly, measured: two JVMs gave different parameters for seed 0)
 */
record StudyGrid(List<String> activations, int[] widths, int[] depths, int seeds, int states, int seed) {

    /** Largest hidden width accepted. */
    public static final int MAX_WIDTH = 4096;
    /** Largest number of hidden layers accepted. */
    public static final int MAX_DEPTH = 16;
    /** Largest number of seeds per cell accepted. */
    public static final int MAX_SEEDS = 100;
    /** Largest batch accepted. */
    public static final int MAX_STATES = 2000;

    /** Validates every field; see the record's Javadoc for the ranges. */
    public StudyGrid {
        if (activations == null || activations.isEmpty()) {
            throw new IllegalArgumentException("--activations must list at least one activation, got none");
        }
        activations = List.copyOf(activations);
        for (String a : activations) {
            LabOptions.activation(a); // throws naming the bad value
        }
        if (activations.stream().distinct().count() != activations.size()) {
            throw new IllegalArgumentException("--activations must not repeat a value, got " + activations);
        }
        widths = checkList("--widths", widths, 1, MAX_WIDTH);
        depths = checkList("--depths", depths, 1, MAX_DEPTH);
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("--seeds must be in [1, " + MAX_SEEDS + "], got " + seeds);
        }
        if (seed < 1) {
            throw new IllegalArgumentException("--seed must be >= 1 (DL4J ignores a network seed of 0), got " + seed);
        }
        if (states < 2 || states > MAX_STATES) {
            throw new IllegalArgumentException("--states must be in [2, " + MAX_STATES + "], got " + states);
        }
    }

    @Override
    public int[] widths() {
        return widths.clone();
    }

    @Override
    public int[] depths() {
        return depths.clone();
    }

    /** Number of cells times seeds: how many kernels the study computes. */
    public int kernels() {
        return activations.size() * widths.length * depths.length * seeds;
    }

    private static int[] checkList(String option, int[] values, int min, int max) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(option + " must list at least one value, got none");
        }
        for (int v : values) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(option + " values must be in [" + min + ", " + max + "], got " + v
                        + " in " + Arrays.toString(values));
            }
        }
        if (Arrays.stream(values).distinct().count() != values.length) {
            throw new IllegalArgumentException(option + " must not repeat a value, got " + Arrays.toString(values));
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudyGrid g && activations.equals(g.activations) && Arrays.equals(widths, g.widths)
                && Arrays.equals(depths, g.depths) && seeds == g.seeds && states == g.states && seed == g.seed;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * activations.hashCode() + Arrays.hashCode(widths)) + Arrays.hashCode(depths) + 31 * seeds + 17 * states + seed;
    }

    @Override
    public String toString() {
        return "StudyGrid[activations=" + activations + ", widths=" + Arrays.toString(widths) + ", depths="
                + Arrays.toString(depths) + ", seeds=" + seeds + ", states=" + states + ", seed=" + seed + "]";
    }
}
