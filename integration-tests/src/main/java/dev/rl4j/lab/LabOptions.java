package dev.rl4j.lab;

import java.util.Locale;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/** Option values shared by rl4j-lab subcommands; messages name the option and the allowed values. */
public final class LabOptions {

    private LabOptions() {
    }

    /** relu | tanh | sin, or any other DL4J activation name. */
    public static IActivation activation(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals("sin")) {
            return new dev.rl4j.ntk.activation.ActivationSin();
        }
        try {
            return Activation.fromString(t).getActivationFunction();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--activation must be relu, tanh, sin or a DL4J activation name, got '"
                    + text + "'");
        }
    }

    /**
     * Sets the number of OpenBLAS threads (ND4J's and the NTK engine's matrix products) and returns it. ND4J's own
     * element-wise ops keep OMP_NUM_THREADS (1 by default in rl4j-lab: faster for small DQN ops).
     *
     * @param requested threads >= 1, or null for the number of available processors
     */
    public static int blasThreads(Integer requested) {
        int n = requested != null ? requested : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + n);
        }
        ((org.nd4j.nativeblas.Nd4jBlas) org.nd4j.linalg.factory.Nd4j.factory().blas()).setMaxThreads(n);
        return n;
    }
}
