package dev.rl4j.lab.options;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/** Floating-point type of a benchmarked network ({@code --dtype float|double}). */
public enum Precision {
    /** 32-bit, RL4J's default. */
    FLOAT(DataType.FLOAT),
    /** 64-bit. */
    DOUBLE(DataType.DOUBLE);

    private final DataType dataType;

    Precision(DataType dataType) {
        this.dataType = dataType;
    }

    /** The ND4J data type. */
    public DataType dataType() {
        return dataType;
    }

    /** {@code float | double}. */
    public static final class Converter extends KebabEnumConverter<Precision> {
        public Converter() {
            super(Precision.class, Map.of());
        }
    }
}
