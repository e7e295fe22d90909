package dev.rl4j.diagnostics;

import java.util.List;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;

/**
 * Wall-time cost of the listener with its defaults (issue section 6), not a test: CartPole with RL4J's default dense
 * DQN (4-100-100-100-2, Adam), legacy pipeline, same seed, runs alternating without and with the listener.
 *
 * <pre>
 * mvn -o -q dependency:build-classpath -pl rl4j-ntk-diagnostics -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java -XX:+UseSerialGC -cp rl4j-ntk-diagnostics/target/classes:rl4j-ntk-diagnostics/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.rl4j.diagnostics.CostMeasurementMain [maxStep] [repeats]
 * </pre>
 *
 * Measured 2026-11-24, 2-core machine shared with other builds, args {@code 20000 3}: without 97.44 s, with 96.56 s
 * (ratio 0.991; run-to-run noise is about +-10%), 7 probes per run, total probe time 0.98-2.92 s = 1.1-2.9% of a run,
 * mean probe 140-417 ms at 256 pairs.
 */
public final class CostMeasurementMain {

    private CostMeasurementMain() {
    }

    public static void main(String[] args) {
        int maxStep = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        run(2_000, null); // warm-up: JIT, native libraries
        double without = 0;
        double with = 0;
        for (int r = 0; r < repeats; r++) {
            without += run(maxStep, null);
            NtkDiagnostics d = NtkDiagnostics.builder().build();
            double runSeconds = run(maxStep, d);
            with += runSeconds;
            List<ProbeRecord> h = d.history();
            double probeMs = h.stream().mapToDouble(p -> p.measurement().probeMillis()).sum();
            System.out.printf("repeat %d: probes=%d, total probe time %.2f s (%.1f%% of the run), mean %.1f ms, pairs %d%n",
                    r, h.size(), probeMs / 1e3, probeMs / 10 / runSeconds, probeMs / Math.max(1, h.size()),
                    h.isEmpty() ? 0 : h.get(h.size() - 1).measurement().pairs());
        }
        System.out.printf("maxStep=%d repeats=%d: without %.2f s, with %.2f s, ratio %.4f%n", maxStep, repeats,
                without / repeats, with / repeats, with / without);
    }

    private static double run(int maxStep, NtkDiagnostics diagnostics) {
        QLearningConfiguration conf = QLearningConfiguration.builder().seed(42L).maxEpochStep(200).maxStep(maxStep)
                .expRepMaxSize(150_000).batchSize(32).targetDqnUpdateFreq(500).updateStart(10).rewardFactor(0.01)
                .gamma(0.99).errorClamp(1.0).minEpsilon(0.1).epsilonNbStep(1_000).doubleDQN(true).build();
        QLearningDiscreteDense<?> learner = new QLearningDiscreteDense<>(new CartpoleNative(42),
                DQNDenseNetworkConfiguration.builder().build(), conf);
        if (diagnostics != null) {
            learner.addListener(diagnostics);
        }
        long t0 = System.nanoTime();
        learner.train();
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  %s: %.2f s, %d steps%n", diagnostics == null ? "without" : "with   ", s,
                learner.getStepCount());
        return s;
    }
}
