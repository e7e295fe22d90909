package dev.rl4j.lab.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one CartPole run through RL4J's legacy pipeline ({@code CartpoleNative}). Defaults are RL4J's own
 * ({@code QLearningConfiguration} and {@code DQNDenseNetworkConfiguration} defaults) except the episode cap of 200.
 *
 * @param algo          learner
 * @param targetNetwork false syncs the target after every update (no target network)
 * @param learningRate  Adam learning rate for DQN/DDQN (RL4J default 1e-3); ignored by PreQN
 * @param steps         environment steps (RL4J checks the budget between episodes)
 * @param seed          seeds the environment, exploration and the network initialisation
 * @param episodeCap    maximum steps per episode (CartPole-v0: 200)
 * @param hidden        hidden units per layer (RL4J default 100)
 * @param layers        hidden layers (RL4J default 3)
 * @param targetUpdate  updates between target syncs when the target network is on (RL4J default 100)
 */
public record CartpoleSettings(Algo algo, boolean targetNetwork, double learningRate, int steps, long seed,
        int episodeCap, int hidden, int layers, int targetUpdate) {

    /** Validates every field; messages name the field, the value and the allowed range. */
    public CartpoleSettings {
        if (algo == null) {
            throw new IllegalArgumentException("algo must not be null");
        }
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        if (episodeCap < 1) {
            throw new IllegalArgumentException("episodeCap must be >= 1, got " + episodeCap);
        }
        if (hidden < 1 || layers < 1) {
            throw new IllegalArgumentException("hidden and layers must be >= 1, got " + hidden + " and " + layers);
        }
        if (targetUpdate < 1) {
            throw new IllegalArgumentException("targetUpdate must be >= 1, got " + targetUpdate);
        }
    }

    /** RL4J's defaults for the given learner, seed and step budget. */
    public static CartpoleSettings defaults(Algo algo, long seed, int steps) {
        return new CartpoleSettings(algo, algo != Algo.PREQN, 1e-3, steps, seed, 200, 100, 3, 100);
    }

    public CartpoleSettings withTargetNetwork(boolean on) {
        return new CartpoleSettings(algo, on, learningRate, steps, seed, episodeCap, hidden, layers, targetUpdate);
    }

    public CartpoleSettings withLearningRate(double lr) {
        return new CartpoleSettings(algo, targetNetwork, lr, steps, seed, episodeCap, hidden, layers, targetUpdate);
    }

    public CartpoleSettings withNetwork(int hiddenUnits, int hiddenLayers) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, episodeCap, hiddenUnits, hiddenLayers,
                targetUpdate);
    }

    /** The same settings with another episode cap (a task's time limit, {@link Task#episodeCap()}). */
    public CartpoleSettings withEpisodeCap(int cap) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, cap, hidden, layers, targetUpdate);
    }

    /** The settings as an ordered map for report headers. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algo", algo.name().toLowerCase());
        m.put("target_network", String.valueOf(targetNetwork));
        m.put("learning_rate", algo == Algo.PREQN ? "none (PreQN steps directly; PreQNConfiguration defaults)"
                : "Adam " + learningRate);
        m.put("steps", String.valueOf(steps));
        m.put("seed", String.valueOf(seed));
        m.put("episode_cap", String.valueOf(episodeCap));
        m.put("network", "4-" + (String.valueOf(hidden) + "-").repeat(layers) + "2");
        m.put("target_update", targetNetwork ? String.valueOf(targetUpdate) : "none (no target network)");
        return m;
    }
}
