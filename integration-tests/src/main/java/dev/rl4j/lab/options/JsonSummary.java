package dev.rl4j.lab.options;

import dev.rl4j.lab.JsonLine;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one JSON line a command prints on stdout, always ending with the command's {@code settings}
 * ({@link CommandSettings}). Mixed into every command; also gives the command's stderr writer for tables.
 */
@Command
public final class JsonSummary {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Adds {@code settings} to {@code line} and prints it on the command's stdout. */
    public void print(JsonLine line) {
        PrintWriter out = command.commandLine().getOut();
        out.println(line.put("settings", CommandSettings.of(command)));
        out.flush();
    }

    /** The command's stderr writer. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }
}
