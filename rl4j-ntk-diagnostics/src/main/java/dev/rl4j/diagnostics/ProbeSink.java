package dev.rl4j.diagnostics;

/**
 * Receives every probe record, in probe order, on the training thread, right after the probe. {@code record} is
 * never null. An exception thrown here is handled like any failure inside the listener: logged with context, then
 * the listener disables itself (or rethrows, if so configured); training goes on.
 *
 * <p>Stability: experimental. @since 0.1
 */
@FunctionalInterface
public interface ProbeSink extends AutoCloseable {

    /** Called once per probe. */
    void accept(ProbeRecord record);

    /** Releases resources; called by {@link NtkDiagnostics#close()}. Default: nothing. */
    @Override
    default void close() {
    }
}
