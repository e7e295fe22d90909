package dev.rl4j.diagnostics;

import java.util.EnumMap;
import java.util.Map;

/**
 * Wall time of the stages of one probe ({@link ProbeComputation}), for {@code bench-probe}'s breakdown. The probe
 * marks the end of each stage with {@link #lap}; a stage's time is the time since the previous mark. Reading the
 * clock costs tens of nanoseconds, so the listener's probes keep it too. Not thread-safe.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class ProbeStages {

    /** The stages of a probe, in the order they run. */
    public enum Stage {
        /** copying the batch into arrays, the finiteness check of the parameters */
        INPUTS,
        /**
         * Q(s, .) and Q(s', .): one forward pass per input (on a dense stack the kernel engine's, in double, which also
         * give the features; otherwise DL4J's) and the finiteness check of Q
         */
        Q_VALUES,
        /**
         * K(X, X): the kernel engine's backward pass over X (on a network without the engine's forward passes, its
         * forward pass too) and the Gram products
         */
        KERNEL,
        /** K(X*, X): the backward pass of X* (its forward pass ran for Q(s', .)) and the cross products */
        CROSS_KERNEL,
        /** PreQN only: the damped solve and the preconditioned kernels */
        PRECONDITION,
        /** eigMin and eigMax of the kernel (eigenvalue work) */
        KERNEL_EIGENVALUES,
        /** the eigenvalue of largest real part of the SEEM matrix (eigenvalue work) */
        SEEM,
        /** eqs. 16-17, row ratios, beta: O(N^2) sums */
        ROW_SUMS,
        /** srank (eigenvalues of the feature Gram), dormant units, co-adaptation */
        FEATURES,
        /** the finding rules on the measurement */
        FINDINGS
    }

    private final long[] nanos = new long[Stage.values().length];
    private long last;

    /** A clock whose first stage starts now. */
    public ProbeStages() {
        last = System.nanoTime();
    }

    /** Ends {@code stage} now: adds the time since the previous mark to it. */
    void lap(Stage stage) {
        long now = System.nanoTime();
        nanos[stage.ordinal()] += now - last;
        last = now;
    }

    /** Nanoseconds spent in {@code stage}. */
    public long nanos(Stage stage) {
        return nanos[stage.ordinal()];
    }

    /** Milliseconds per stage, in stage order. */
    public Map<Stage, Double> millis() {
        Map<Stage, Double> out = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, nanos[s.ordinal()] / 1e6);
        }
        return out;
    }
}
