package dev.rl4j.lab.options;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.provenance.Provenance;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one JSON line a command prints on stdout, always ending with the command's {@code settings}
 * ({@link CommandSettings}) and its {@code provenance} ({@link Provenance}: versions, Java, OS, git commit and, as
 * its {@code settings}, the command's settings plus what the command added with {@link #addProvenance}). Mixed into
 * every command; also gives the command's stderr writer for tables and the provenance of its other files.
 */
@Command
public final class JsonSummary {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private final Map<String, Object> extra = new LinkedHashMap<>();

    /** Adds {@code settings} and {@code provenance} to {@code line} and prints it on the command's stdout. */
    public void print(JsonLine line) {
        PrintWriter out = command.commandLine().getOut();
        out.println(line.put("settings", CommandSettings.of(command)).put("provenance", provenance().toMap()));
        out.flush();
    }

    /**
     * Adds a run setting to the provenance of the JSON line and of the files the command writes with
     * {@link #provenance()} (network shape, PreQN configuration, ...); returns this.
     */
    public JsonSummary addProvenance(String key, Object value) {
        extra.put(key, value);
        return this;
    }

    /** The command's provenance now: its settings ({@link CommandSettings}), then what {@link #addProvenance} added. */
    public Provenance provenance() {
        return Provenance.current().withSettings(CommandSettings.of(command)).withSettings(extra);
    }

    /** The settings part of {@link #provenance()}, for a library that adds them itself (the diagnostics builder). */
    public Map<String, Object> provenanceSettings() {
        return provenance().settings();
    }

    /** The command's settings: every option value ({@link CommandSettings}). */
    public Map<String, Object> settings() {
        return CommandSettings.of(command);
    }

    /** The command's stderr writer. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }
}
