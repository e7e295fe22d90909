package dev.rl4j.lab.calibrate;

import dev.rl4j.lab.run.Algo;
import dev.rl4j.lab.run.CartpoleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The labelled suite of {@code calibrate}: per seed, CartPole with RL4J's DQN with and without target network at
 * learning rates 1e-4, 1e-3 and 1e-2, double DQN, PreQN with and without target network, the default 4-100-100-100-2
 * and a small 4-16-2 network; and the linear testbeds on both sides of their thresholds (w -> 2w at gamma 0.4 and
 * 0.9; Tsitsiklis-Van Roy with eps 0.1 at gamma 0.8 and 0.99, critical 0.893; Baird with semi-gradient Q and with
 * PreQN). {@code --quick}: four CartPole runs (DQN with and without target, PreQN, small DQN) of fewer steps and
 * every testbed with a shorter budget.
 *
 * @param cartpoleSteps environment steps of a CartPole run
 * @param testbedUpdates updates of a testbed run
 * @param quick        the reduced CartPole set
 */
public record CalibrationSuite(int cartpoleSteps, int testbedUpdates, boolean quick) {

    /** CartPole steps of the full suite. */
    public static final int FULL_CARTPOLE_STEPS = 1500;
    /** CartPole steps of {@code --quick}. */
    public static final int QUICK_CARTPOLE_STEPS = 1000;
    /** Testbed updates of the full suite. */
    public static final int FULL_TESTBED_UPDATES = 1000;
    /** Testbed updates of {@code --quick}. */
    public static final int QUICK_TESTBED_UPDATES = 1000;

    /** Validates the budgets. */
    public CalibrationSuite {
        if (cartpoleSteps < 1 || testbedUpdates < 1) {
            throw new IllegalArgumentException("cartpoleSteps and testbedUpdates must be >= 1, got " + cartpoleSteps
                    + " and " + testbedUpdates);
        }
    }

    /** The full suite or {@code --quick}, with their default budgets. */
    public static CalibrationSuite of(boolean quick) {
        return quick ? new CalibrationSuite(QUICK_CARTPOLE_STEPS, QUICK_TESTBED_UPDATES, true)
                : new CalibrationSuite(FULL_CARTPOLE_STEPS, FULL_TESTBED_UPDATES, false);
    }

    /** Every run for these seeds, seed by seed; with {@code cartpole} false only the testbeds. */
    public List<SuiteEntry> entries(long[] seeds, boolean cartpole) {
        List<SuiteEntry> out = new ArrayList<>();
        for (long seed : seeds) {
            if (cartpole) {
                for (CartpoleSettings s : cartpole(seed)) {
                    out.add(new SuiteEntry(id(new Scenario.Cartpole(s), seed), seed, new Scenario.Cartpole(s)));
                }
            }
            for (Scenario.Linear l : testbeds()) {
                out.add(new SuiteEntry(id(l, seed), seed, l));
            }
        }
        return out;
    }

    private List<CartpoleSettings> cartpole(long seed) {
        CartpoleSettings dqn = CartpoleSettings.defaults(Algo.DQN, seed, cartpoleSteps);
        CartpoleSettings preqn = CartpoleSettings.defaults(Algo.PREQN, seed, cartpoleSteps);
        CartpoleSettings small = dqn.withNetwork(16, 1);
        if (quick) {
            return List.of(dqn, dqn.withTargetNetwork(false), preqn, small.withTargetNetwork(false));
        }
        List<CartpoleSettings> out = new ArrayList<>();
        for (boolean target : new boolean[] {true, false}) {
            for (double lr : new double[] {1e-4, 1e-3, 1e-2}) {
                out.add(dqn.withTargetNetwork(target).withLearningRate(lr));
            }
        }
        out.add(CartpoleSettings.defaults(Algo.DDQN, seed, cartpoleSteps));
        out.add(preqn);
        out.add(preqn.withTargetNetwork(true));
        out.add(small);
        out.add(small.withTargetNetwork(false));
        return out;
    }

    private List<Scenario.Linear> testbeds() {
        int u = testbedUpdates;
        return List.of(
                new Scenario.Linear(Scenario.Testbed.W2W, "q-learning", 0.1, 0.4, 0, u),
                new Scenario.Linear(Scenario.Testbed.W2W, "q-learning", 0.1, 0.9, 0, u),
                new Scenario.Linear(Scenario.Testbed.TVR, "q-learning", 0.1, 0.8, 0.1, u),
                new Scenario.Linear(Scenario.Testbed.TVR, "q-learning", 0.1, 0.99, 0.1, u),
                new Scenario.Linear(Scenario.Testbed.BAIRD, "q-learning", 0.05, 0.99, 0, u),
                new Scenario.Linear(Scenario.Testbed.BAIRD, "preqn", 1.0, 0.99, 0, u));
    }

    private static String id(Scenario s, long seed) {
        StringBuilder b = new StringBuilder(s.family());
        s.settings().forEach((k, v) -> {
            if (!k.equals("algo") && !k.equals("steps") && !k.equals("updates")) {
                b.append('-').append(k).append(v);
            }
        });
        return b.append("-s").append(seed).toString().toLowerCase(Locale.ROOT);
    }
}
