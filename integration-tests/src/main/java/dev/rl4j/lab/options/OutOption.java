package dev.rl4j.lab.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --out}: the directory a command writes its files to. */
public final class OutOption {

    @Option(names = "--out", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    /** Default {@code rl4j-lab-out}. */
    public OutOption() {
        this("rl4j-lab-out");
    }

    /** @param defaultDir the command's default, e.g. {@code rl4j-lab-out/run} */
    public OutOption(String defaultDir) {
        this.out = Path.of(defaultDir);
    }

    public Path get() {
        return out;
    }
}
