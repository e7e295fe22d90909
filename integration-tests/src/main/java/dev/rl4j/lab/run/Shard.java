package dev.rl4j.lab.run;

import dev.rl4j.lab.options.ParsingConverter;
import java.util.stream.IntStream;

/**
 * {@code regress --shard K/N}: the K-th of N shares of the seeds (K in 1..N). Seeds are dealt round-robin by their
 * index in the {@code --seeds} list: the seed at index i (from 0) belongs to shard {@code i % N + 1}, so every seed is
 * in exactly one shard and the shards' sizes differ by at most one.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param index K, in [1, count]
 * @param count N, >= 1
 */
record Shard(int index, int count) {

    /** Validates; the message names the option, the value and the range. */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be K/N with N >= 1 and K in [1, N], got '" + index + "/"
                    + count + "'" + (count >= 1 ? " (K must be in [1, " + count + "])" : ""));
        }
    }

    /** Parses {@code K/N}, e.g. {@code 2/4}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--shard must be K/N, e.g. 2/4 (the 2nd of 4 shares), got '" + text + "'");
        }
        int k;
        int n;
        try {
            k = Integer.parseInt(parts[0].trim());
            n = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be K/N with whole numbers, e.g. 2/4, got '" + text + "'");
        }
        return new Shard(k, n);
    }

    /** This shard's share of {@code seeds}, in their order: the seeds at indices {@code index-1, index-1+count, ...}. */
    public long[] select(long[] seeds) {
        return IntStream.range(0, seeds.length).filter(i -> i % count == index - 1).mapToLong(i -> seeds[i]).toArray();
    }

    /**
     * This shard's share, rejecting an empty one.
     *
     * @param seedsText the {@code --seeds} text, for the message
     */
    long[] selectNonEmpty(long[] seeds, String seedsText) {
        if (count > seeds.length) {
            throw new IllegalArgumentException("--shard " + this + " leaves shards without seeds: --seeds " + seedsText
                    + " has " + seeds.length + " seed(s), so N must be in [1, " + seeds.length + "], got " + count);
        }
        return select(seeds);
    }

    /** The file {@code regress --shard} writes: {@code regress-shard-K-of-N.json}. */
    public String fileName() {
        return "regress-shard-" + index + "-of-" + count + ".json";
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** {@code --shard}: {@link #parse}. */
    static final class Converter extends ParsingConverter<Shard> {
        Converter() {
            super(Shard::parse);
        }
    }
}
