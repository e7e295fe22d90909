package dev.rl4j.lab.options;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to an enum constant by its kebab-case name ({@code PER_SAMPLE} is {@code per-sample}),
 * ignoring case and accepting '_' for '-', plus a few old spellings. A bad value names every accepted one.
 *
 * @param <E> the enum type
 */
public class KebabEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {

    private final Class<E> type;
    private final Map<String, E> aliases;

    /**
     * @param type    the enum
     * @param aliases further accepted spellings (lower case, '-' separated) and the constant each stands for
     */
    protected KebabEnumConverter(Class<E> type, Map<String, E> aliases) {
        this.type = type;
        this.aliases = Map.copyOf(aliases);
    }

    /** The kebab-case name of a constant: {@code PER_SAMPLE -> per-sample}. */
    public static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public E convert(String value) {
        String key = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E e : type.getEnumConstants()) {
            if (kebab(e).equals(key)) {
                return e;
            }
        }
        E alias = aliases.get(key);
        if (alias != null) {
            return alias;
        }
        throw new TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(KebabEnumConverter::kebab).collect(Collectors.joining(", ")) + ", got '" + value + "'");
    }
}
