package dev.rl4j.lab.options;

import picocli.CommandLine.Option;

/** {@code --steps}: environment steps of a training run (updates on a linear testbed). */
public final class StepsOption {

    @Option(names = "--steps", description = "environment steps (default ${DEFAULT-VALUE})")
    int steps;

    private final int min;

    /** Default 5000 steps, at least 1. */
    public StepsOption() {
        this(5000, 1);
    }

    /**
     * @param defaultSteps the command's default
     * @param min          smallest accepted value
     */
    public StepsOption(int defaultSteps, int min) {
        this.steps = defaultSteps;
        this.min = min;
    }

    /** The value, validated: {@code --steps must be >= min}. */
    public int get() {
        if (steps < min) {
            throw new IllegalArgumentException("--steps must be >= " + min + ", got " + steps);
        }
        return steps;
    }
}
