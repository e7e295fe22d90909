package dev.rl4j.lab.calibrate;

import dev.rl4j.lab.run.CartpoleSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What one run of the suite trains: a CartPole learner or a linear testbed. */
public sealed interface Scenario {

    /** The run's settings as ordered key/value text (CSV and report). */
    Map<String, String> settings();

    /** The family name of the CSV: e.g. {@code cartpole-dqn}, {@code w2w-q-learning}. */
    String family();

    /** "diverges" / "converges" when theory knows the answer (the testbeds), else "unknown". */
    String expected();

    /**
     * RL4J's legacy pipeline on {@code CartpoleNative}.
     *
     * @param learner the learner's settings
     */
    record Cartpole(CartpoleSettings learner) implements Scenario {

        @Override
        public Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("algo", learner.algo().name().toLowerCase(Locale.ROOT));
            m.put("target", String.valueOf(learner.targetNetwork()));
            m.put("lr", learner.algo() == dev.rl4j.lab.run.Algo.PREQN ? "preqn-default"
                    : String.valueOf(learner.learningRate()));
            m.put("net", "4-" + (learner.hidden() + "-").repeat(learner.layers()) + "2");
            m.put("steps", String.valueOf(learner.steps()));
            return m;
        }

        @Override
        public String family() {
            return "cartpole-" + learner.algo().name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String expected() {
            return "unknown";
        }
    }

    /** The linear testbeds of {@code dev.rl4j.lab.testbed} (docs/math.md#testbeds). */
    enum Testbed {
        /** w -> 2w: semi-gradient TD diverges iff gamma > 1/2. */
        W2W,
        /** Tsitsiklis and Van Roy with eps: diverges iff gamma > 5 / (6 - 4 eps). */
        TVR,
        /** Baird's counterexample, gamma 0.99: semi-gradient Q diverges, PreQN converges. */
        BAIRD
    }

    /**
     * A linear testbed driven by semi-gradient Q-learning ({@code q-learning}) or PreQN ({@code preqn}).
     *
     * @param testbed which one
     * @param algo    "q-learning" or "preqn"
     * @param alpha   step size
     * @param gamma   discount
     * @param eps     TVR's termination probability (0 elsewhere)
     * @param updates budget in updates
     */
    record Linear(Testbed testbed, String algo, double alpha, double gamma, double eps, int updates)
            implements Scenario {

        /** Validates the algorithm name. */
        public Linear {
            if (!algo.equals("q-learning") && !algo.equals("preqn")) {
                throw new IllegalArgumentException("algo must be q-learning or preqn, got '" + algo + "'");
            }
        }

        @Override
        public Map<String, String> settings() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("algo", algo);
            m.put("alpha", String.valueOf(alpha));
            m.put("gamma", String.valueOf(gamma));
            if (testbed == Testbed.TVR) {
                m.put("eps", String.valueOf(eps));
            }
            m.put("updates", String.valueOf(updates));
            return m;
        }

        @Override
        public String family() {
            return testbed.name().toLowerCase(Locale.ROOT) + "-" + algo;
        }

        @Override
        public String expected() {
            boolean diverges = switch (testbed) {
                case W2W -> gamma > 0.5;
                case TVR -> gamma > 5 / (6 - 4 * eps);
                case BAIRD -> algo.equals("q-learning");
            };
            return diverges ? "diverges" : "converges";
        }
    }
}
