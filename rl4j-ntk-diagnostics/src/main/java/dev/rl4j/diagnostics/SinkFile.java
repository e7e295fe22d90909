package dev.rl4j.diagnostics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening of a probe sink's output file: parent directories created, file created or truncated, UTF-8. */
final class SinkFile {

    private SinkFile() {
    }

    /**
     * @param what the sink's format for the message, e.g. "CSV"
     * @throws UncheckedIOException naming the format and file if it cannot be written
     */
    static BufferedWriter create(Path file, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " diagnostics to " + file, e);
        }
    }
}
