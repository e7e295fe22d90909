package dev.rl4j.diagnostics;

import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * The listener's failure policy: an exception in a callback (including a sink) is logged at ERROR with its context
 * and disables the listener for good (training goes on), or, with {@code rethrow}, propagates to the training loop.
 */
final class FailureGuard {

    private final boolean rethrow;
    private final Logger log;
    private boolean disabled;

    FailureGuard(boolean rethrow, Logger log) {
        this.rethrow = rethrow;
        this.log = log;
    }

    /** Runs {@code body} unless disabled; {@code state} describes the listener for the error log. */
    void run(String callback, Runnable body, Supplier<String> state) {
        if (disabled) {
            return;
        }
        try {
            body.run();
        } catch (RuntimeException e) {
            if (rethrow) {
                throw e;
            }
            disabled = true;
            log.error("NtkDiagnostics disabled itself after an exception in {} ({}); training continues without "
                    + "diagnostics", callback, state.get(), e);
        }
    }

    boolean isDisabled() {
        return disabled;
    }
}
