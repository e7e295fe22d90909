package dev.rl4j.lab.run;

import dev.rl4j.preqn.PreQNConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of one CartPole run through RL4J's legacy pipeline ({@code CartpoleNative}). Defaults are RL4J's own
 * ({@code QLearningConfiguration} and {@code DQNDenseNetworkConfiguration} defaults) except the episode cap of 200;
 * {@link CartpolePreset#OFFICIAL_EXAMPLE} replaces them with RL4J's official CartPole example.
 *
 * @param algo          learner
 * @param targetNetwork false syncs the target after every update (no target network)
 * @param learningRate  Adam learning rate for DQN/DDQN (RL4J default 1e-3); RmsProp's with the official example;
 *                      ignored by PreQN
 * @param steps         environment steps (RL4J checks the budget between episodes)
 * @param seed          seeds the environment, exploration and the network initialisation
 * @param episodeCap    maximum steps per episode (CartPole-v0: 200)
 * @param hidden        hidden units per layer (RL4J default 100)
 * @param layers        hidden layers (RL4J default 3)
 * @param targetUpdate  updates between target syncs when the target network is on (RL4J default 100)
 * @param preset        the RL4J configuration the run starts from
 * @param errorClamp    RL4J's {@code QLearningConfiguration.errorClamp} (clamps DQN's TD error; NaN: off); PreQN
 *                      uses it only when {@code preqn.inheritRl4jErrorClamp()}
 * @param preqn         PreQN's hyper-parameters (used by PreQN only); its targetNetwork follows {@code targetNetwork}
 * @param evalEpisodes  greedy episodes played after training (0: none)
 */
public record CartpoleSettings(Algo algo, boolean targetNetwork, double learningRate, int steps, long seed,
        int episodeCap, int hidden, int layers, int targetUpdate, CartpolePreset preset, double errorClamp,
        PreQNConfiguration preqn, int evalEpisodes) {

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
        if (preset == null) {
            throw new IllegalArgumentException("preset must be rl4j-defaults or official-example, got null");
        }
        if (!(Double.isNaN(errorClamp) || errorClamp > 0)) {
            throw new IllegalArgumentException("errorClamp must be > 0 or NaN (off), got " + errorClamp);
        }
        if (preqn == null) {
            throw new IllegalArgumentException("preqn must not be null");
        }
        if (preqn.targetNetwork() != targetNetwork && algo == Algo.PREQN) {
            throw new IllegalArgumentException("preqn.targetNetwork must equal targetNetwork, got "
                    + preqn.targetNetwork() + " and " + targetNetwork);
        }
        if (evalEpisodes < 0) {
            throw new IllegalArgumentException("evalEpisodes must be >= 0, got " + evalEpisodes);
        }
    }

    /** RL4J's defaults for the given learner, seed and step budget. */
    public static CartpoleSettings defaults(Algo algo, long seed, int steps) {
        boolean target = algo != Algo.PREQN;
        return new CartpoleSettings(algo, target, 1e-3, steps, seed, 200, 100, 3, 100, CartpolePreset.RL4J_DEFAULTS,
                1.0, PreQNConfiguration.defaults(), 0);
    }

    /** The settings {@code preset} starts from for the given learner, seed and step budget. */
    public static CartpoleSettings of(CartpolePreset preset, Algo algo, long seed, int steps) {
        CartpoleSettings d = defaults(algo, seed, steps);
        if (preset == CartpolePreset.RL4J_DEFAULTS) {
            return d;
        }
        // DQNCartpole: hard target update every 500, 2 x 300 ReLU, RmsProp(0.000025); PreQN keeps its own default
        // (no target network), as the one-line swap does
        boolean target = algo != Algo.PREQN;
        return new CartpoleSettings(algo, target, 0.000025, steps, seed, 200, 300, 2, 500,
                CartpolePreset.OFFICIAL_EXAMPLE, 1.0, d.preqn(), 10);
    }

    public CartpoleSettings withTargetNetwork(boolean on) {
        PreQNConfiguration p = algo == Algo.PREQN ? withTarget(preqn, on) : preqn;
        return new CartpoleSettings(algo, on, learningRate, steps, seed, episodeCap, hidden, layers, targetUpdate,
                preset, errorClamp, p, evalEpisodes);
    }

    public CartpoleSettings withLearningRate(double lr) {
        return new CartpoleSettings(algo, targetNetwork, lr, steps, seed, episodeCap, hidden, layers, targetUpdate,
                preset, errorClamp, preqn, evalEpisodes);
    }

    public CartpoleSettings withNetwork(int hiddenUnits, int hiddenLayers) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, episodeCap, hiddenUnits,
                hiddenLayers, targetUpdate, preset, errorClamp, preqn, evalEpisodes);
    }

    /** RL4J's errorClamp (NaN: off). */
    public CartpoleSettings withErrorClamp(double clamp) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, episodeCap, hidden, layers,
                targetUpdate, preset, clamp, preqn, evalEpisodes);
    }

    /** PreQN's configuration; its targetNetwork must match this run's. */
    public CartpoleSettings withPreqn(PreQNConfiguration p) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, episodeCap, hidden, layers,
                targetUpdate, preset, errorClamp, p, evalEpisodes);
    }

    public CartpoleSettings withEvalEpisodes(int episodes) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, episodeCap, hidden, layers,
                targetUpdate, preset, errorClamp, preqn, episodes);
    }

    /** {@code p} with targetNetwork set to {@code on} (the canonical constructor re-validates, e.g. holdBootstrap). */
    static PreQNConfiguration withTarget(PreQNConfiguration p, boolean on) {
        return new PreQNConfiguration(p.alpha(), p.eta(), p.shrink(), p.maxTrials(), p.damping(), on,
                p.doubleQ(), p.failurePolicy(), p.tdErrorClamp(), p.inheritRl4jErrorClamp(), p.holdBootstrap());
    }

    /** Rewards are multiplied by this before learning (RL4J's rewardFactor): 1, or 0.01 with the official example. */
    public double rewardFactor() {
        return preset == CartpolePreset.OFFICIAL_EXAMPLE ? 0.01 : 1.0;
    }

    /** The same settings with another episode cap (a task's time limit, {@link Task#episodeCap()}). */
    public CartpoleSettings withEpisodeCap(int cap) {
        return new CartpoleSettings(algo, targetNetwork, learningRate, steps, seed, cap, hidden, layers, targetUpdate,
                preset, errorClamp, preqn, evalEpisodes);
    }

    /** The settings as an ordered map for report headers. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("preset", preset.toString());
        m.put("algo", algo.name().toLowerCase());
        m.put("target_network", String.valueOf(targetNetwork));
        String updater = preset == CartpolePreset.OFFICIAL_EXAMPLE ? "RmsProp " : "Adam ";
        m.put("learning_rate", algo == Algo.PREQN ? "none (PreQN steps directly)" : updater + learningRate);
        m.put("steps", String.valueOf(steps));
        m.put("seed", String.valueOf(seed));
        m.put("episode_cap", String.valueOf(episodeCap));
        m.put("network", "4-" + (String.valueOf(hidden) + "-").repeat(layers) + "2");
        m.put("target_update", targetNetwork ? String.valueOf(targetUpdate) : "none (no target network)");
        m.put("error_clamp", Double.isNaN(errorClamp) ? "off" : String.valueOf(errorClamp));
        if (algo == Algo.PREQN) {
            m.put("preqn_alpha", String.valueOf(preqn.alpha()));
            m.put("preqn_eta", String.valueOf(preqn.eta()));
            m.put("preqn_damping", String.valueOf(preqn.damping()));
            m.put("preqn_td_clamp", preqn.inheritRl4jErrorClamp() ? "rl4j (" + m.get("error_clamp") + ")"
                    : preqn.tdErrorClamp() == PreQNConfiguration.TD_CLAMP_OFF ? "off" : String.valueOf(preqn.tdErrorClamp()));
            m.put("preqn_hold_bootstrap", String.valueOf(preqn.holdBootstrap()));
        }
        m.put("eval_episodes", String.valueOf(evalEpisodes));
        return m;
    }
}
