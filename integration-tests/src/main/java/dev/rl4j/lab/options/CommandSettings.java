package dev.rl4j.lab.options;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code settings} object of a command's JSON line: every option of the command (its own and its mixins'), as
 * parsed or defaulted, so a result file says how it was produced (as CleanRL's runs do). Keys are the long option
 * names without dashes, '-' turned into '_' ({@code --min-pass -> min_pass}); enums are written in kebab case,
 * paths with '/', other values as they are; an option left unset without a default is {@code null}.
 */
final class CommandSettings {

    private CommandSettings() {
    }

    /** The settings of {@code spec}, in declaration order (help and version flags left out). */
    public static Map<String, Object> of(CommandSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            m.put(o.longestName().replaceFirst("^-+", "").replace('-', '_'), value(o));
        }
        spec.positionalParameters().forEach(p -> m.put(p.paramLabel().replaceAll("[<>]", "").toLowerCase(), value(p)));
        return m;
    }

    private static Object value(ArgSpec arg) {
        Object v = arg.getValue();
        if (v instanceof Enum<?> e) {
            return KebabEnumConverter.kebab(e);
        }
        if (v instanceof Path p) {
            return p.toString().replace('\\', '/');
        }
        if (v instanceof List<?> list) {
            return list.stream().map(x -> x instanceof Enum<?> e ? KebabEnumConverter.kebab(e) : x).toList();
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof String || v == null || v instanceof int[]
                || v instanceof double[] || v instanceof long[]) {
            return v;
        }
        return v.toString();
    }
}
