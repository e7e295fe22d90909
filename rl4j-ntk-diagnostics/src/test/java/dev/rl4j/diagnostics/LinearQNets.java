package dev.rl4j.diagnostics;

import dev.rl4j.testing.BairdFeatures;
import java.util.ArrayList;
import java.util.List;

/** Baird transitions and probe contexts for the tests of linear Q-networks ({@code DenseNets.linear}). */
final class LinearQNets {

    private LinearQNets() {
    }

    /** Every state, one action, reward 0, and the target policy's move to the lower state. */
    static List<Transition> bairdTransitions() {
        double[][] phi = BairdFeatures.features();
        List<Transition> out = new ArrayList<>();
        for (double[] s : phi) {
            out.add(new Transition(s, 0, 0.0, phi[6], false));
        }
        return out;
    }

    static ProbeComputation.Context context(double gamma, double alpha, double rMax) {
        return new ProbeComputation.Context(100, 100, 1, gamma, alpha, AlphaSource.USER, Double.NaN, rMax, 0.025, System.nanoTime(),
                Double.NaN);
    }
}
