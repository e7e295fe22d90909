package dev.rl4j.diagnostics;

import java.util.Map;
import java.util.Objects;

/**
 * One diagnosis made on one probe: what, how bad, why in one sentence, and the numbers behind it.
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param kind        the diagnosis, never null
 * @param severity    never null
 * @param explanation one sentence a user can act on, never null
 * @param numbers     the metric values behind the finding, keyed like the CSV columns (e.g. {@code ntk/beta}); an
 *                    unmodifiable copy in insertion order
 */
public record Finding(FindingKind kind, Severity severity, String explanation, Map<String, Double> numbers) {

    /** Validates and copies. */
    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(explanation, "explanation");
        numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
    }
}
