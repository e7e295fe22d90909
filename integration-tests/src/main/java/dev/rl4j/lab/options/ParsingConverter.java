package dev.rl4j.lab.options;

import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An option converter that delegates to a value type's own {@code parse} method and hands its
 * {@link IllegalArgumentException} message to picocli, which prefixes the option name and exits with code 2.
 *
 * @param <T> the option's type
 */
public class ParsingConverter<T> implements ITypeConverter<T> {

    private final Function<String, T> parse;

    /** @param parse the value type's parser, throwing {@link IllegalArgumentException} on bad text */
    protected ParsingConverter(Function<String, T> parse) {
        this.parse = parse;
    }

    @Override
    public T convert(String value) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
