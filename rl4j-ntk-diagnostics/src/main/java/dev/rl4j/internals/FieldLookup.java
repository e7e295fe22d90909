package dev.rl4j.internals;

import java.util.Optional;

/**
 * The answer to one read of RL4J state: either the value, or the reason it is missing, phrased as
 * {@code "<what> not found on <class> (<where>)"}. The one failure behaviour of {@link Rl4jInternals}: reads never
 * throw; the caller either falls back ({@link #orElse}) or fails with {@link #orElseThrow(String)}, which appends the
 * remedy it knows, e.g. {@code "set it with NtkDiagnostics.builder().gamma(...)"}.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param value    the value found, null when missing
 * @param failure  why it is missing, null when found
 * @param <T>      the value's type
 */
public record FieldLookup<T>(T value, String failure) {

    /** Exactly one of value and failure is set. */
    public FieldLookup {
        if ((value == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of value and failure must be set, got " + value + " and "
                    + failure);
        }
    }

    /** A value that was found (non-null). */
    public static <T> FieldLookup<T> found(T value) {
        return new FieldLookup<>(value, null);
    }

    /**
     * A value that is missing: {@code "<what> not found on <simple class name of owner> (<where>)"}.
     *
     * @param what   the value sought, e.g. "gamma"
     * @param owner  the object it was sought on (may be null)
     * @param where  where it was sought, e.g. "field learningBehavior.updateRule.updateAlgorithm.gamma"
     */
    public static <T> FieldLookup<T> missing(String what, Object owner, String where) {
        String on = owner == null ? "null" : owner.getClass().getSimpleName();
        return new FieldLookup<>(null, what + " not found on " + on + " (" + where + ")");
    }

    /** True when the value was found. */
    public boolean isFound() {
        return failure == null;
    }

    /** The value, or {@code fallback} when missing. */
    public T orElse(T fallback) {
        return isFound() ? value : fallback;
    }

    /** The value, if found. */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The value, or an {@link IllegalStateException} with the failure message. */
    public T orElseThrow() {
        if (!isFound()) {
            throw new IllegalStateException(failure);
        }
        return value;
    }

    /**
     * The value, or an {@link IllegalStateException} with the failure message followed by {@code "; " + remedy}.
     *
     * @param remedy what the user can do instead, e.g. "set it with NtkDiagnostics.builder().gamma(...)"
     */
    public T orElseThrow(String remedy) {
        if (!isFound()) {
            throw new IllegalStateException(failure + "; " + remedy);
        }
        return value;
    }
}
