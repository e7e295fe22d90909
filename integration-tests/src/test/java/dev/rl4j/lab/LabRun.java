package dev.rl4j.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** One in-process run of {@code rl4j-lab} as {@link RlLab#main} configures it, with captured stdout and stderr. */
public record LabRun(int exitCode, String out, String err) {

    /** Runs {@code rl4j-lab args...} in this JVM. */
    public static LabRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RlLab.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new LabRun(code, out.toString(), err.toString());
    }

    /** The last non-empty stdout line parsed as JSON. */
    public JsonNode json() {
        String[] lines = out.strip().split("\n");
        try {
            return new ObjectMapper().readTree(lines[lines.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
