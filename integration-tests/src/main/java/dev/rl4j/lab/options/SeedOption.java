package dev.rl4j.lab.options;

import picocli.CommandLine.Option;

/** {@code --seed}: seeds the environment, exploration, network initialisation and random batches of a command. */
public final class SeedOption {

    @Option(names = "--seed", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    /** Default seed 1. */
    public SeedOption() {
        this(1);
    }

    /** @param defaultSeed the command's default */
    public SeedOption(long defaultSeed) {
        this.seed = defaultSeed;
    }

    public long get() {
        return seed;
    }
}
