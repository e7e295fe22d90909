package dev.rl4j.lab.bench;

import dev.rl4j.lab.NetSpec;
import dev.rl4j.lab.options.ParsingConverter;
import picocli.CommandLine.Option;

/** The benchmarked network and batch of {@code bench-ntk} and {@code bench-update}: {@code --net}, {@code --batch}. */
final class NetOptions {

    @Option(names = "--net", converter = NetSpecConverter.class,
            description = "layer widths, input-hidden...-actions (default ${DEFAULT-VALUE})")
    NetSpec net;

    @Option(names = "--batch", description = "pairs or transitions per call (default ${DEFAULT-VALUE})")
    int batch;

    private final int minBatch;

    /** Default 4-256-256-2, batch 256 (at least 1). */
    public NetOptions() {
        this("4-256-256-2", 256, 1);
    }

    /**
     * @param defaultNet   the command's default widths
     * @param defaultBatch the command's default batch
     * @param minBatch     smallest accepted batch
     */
    public NetOptions(String defaultNet, int defaultBatch, int minBatch) {
        this.net = NetSpec.parse(defaultNet);
        this.batch = defaultBatch;
        this.minBatch = minBatch;
    }

    public NetSpec net() {
        return net;
    }

    /** The batch, validated. */
    public int batch() {
        if (batch < minBatch) {
            throw new IllegalArgumentException("--batch must be >= " + minBatch + ", got " + batch);
        }
        return batch;
    }

    /** {@code --net}: {@link NetSpec#parse}, its message kept. */
    static final class NetSpecConverter extends ParsingConverter<NetSpec> {
        NetSpecConverter() {
            super(NetSpec::parse);
        }
    }
}
