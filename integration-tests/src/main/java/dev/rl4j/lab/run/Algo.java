package dev.rl4j.lab.run;

import dev.rl4j.lab.options.KebabEnumConverter;
import java.util.Map;

/**
 * Learners rl4j-lab can train; {@code --algo} takes the kebab-case names. Three different things were once all
 * called "dqn"; they are named apart here: RL4J's DQN ({@link #DQN}, whose target network is the separate
 * {@code --target/--no-target} flag), its double DQN ({@link #DDQN}) and the plain semi-gradient Q-learning of the
 * linear testbeds ({@link #Q_LEARNING}, formerly {@code --algo dqn} on a testbed, still accepted there).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Algo {
    /** RL4J's standard DQN ({@code QLearningDiscreteDense} / {@code StandardDQN}: Adam, target network by default). */
    DQN,
    /** RL4J's double DQN ({@code doubleDQN(true)}); also spelled {@code double-dqn}. */
    DDQN,
    /** PreQN (rl4j-preqn): preconditioned step, no Adam; target network off by default. */
    PREQN,
    /** Semi-gradient Q-learning with step size alpha, no target network: the linear testbeds' baseline. */
    Q_LEARNING;

    /** The {@code --algo} spelling: {@code dqn}, {@code ddqn}, {@code preqn}, {@code q-learning}. */
    @Override
    public String toString() {
        return KebabEnumConverter.kebab(this);
    }

    /** {@code dqn | ddqn | preqn | q-learning}, any case; {@code double-dqn} is {@code ddqn}. */
    public static final class Converter extends KebabEnumConverter<Algo> {
        public Converter() {
            super(Algo.class, Map.of("double-dqn", DDQN, "doubledqn", DDQN, "qlearning", Q_LEARNING));
        }
    }
}
