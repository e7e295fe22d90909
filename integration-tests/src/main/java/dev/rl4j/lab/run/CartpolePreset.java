package dev.rl4j.lab.run;

import dev.rl4j.lab.options.KebabEnumConverter;
import java.util.Map;

/**
 * The CartPole configurations {@code --preset} selects.
 *
 * <p>Stability: experimental. @since 0.2
 */
public enum CartpolePreset {
    /**
     * RL4J's own {@code QLearningConfiguration} and {@code DQNDenseNetworkConfiguration} defaults (4-100-100-100-2
     * ReLU, Adam 1e-3, batch 32, gamma 0.99, errorClamp 1, epsilon to 0.1 over 10 000 steps), episode cap 200.
     */
    RL4J_DEFAULTS,
    /**
     * RL4J's official example, deeplearning4j-examples rl4j-examples {@code advanced/cartpole/DQNCartpole.java} as
     * copied in consumer-builds/src/it/classic-example: seed 123 (given with {@code --seed}), maxEpochStep 200,
     * maxStep 15000 (given with {@code --steps}), expRepMaxSize 150000, batchSize 128, targetDqnUpdateFreq 500,
     * updateStart 10, rewardFactor 0.01, gamma 0.99, errorClamp 1.0, minEpsilon 0.1, epsilonNbStep 1000,
     * doubleDQN true; network 4-300-300-2 ReLU, l2 0, RmsProp(0.000025).
     */
    OFFICIAL_EXAMPLE;

    /** The {@code --preset} spelling: {@code rl4j-defaults}, {@code official-example}. */
    @Override
    public String toString() {
        return KebabEnumConverter.kebab(this);
    }

    /** {@code rl4j-defaults | official-example}, any case. */
    public static final class Converter extends KebabEnumConverter<CartpolePreset> {
        public Converter() {
            super(CartpolePreset.class, Map.of());
        }
    }
}
