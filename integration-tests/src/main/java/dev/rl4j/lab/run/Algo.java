package dev.rl4j.lab.run;

/**
 * Learners rl4j-lab can train.
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Algo {
    /** RL4J's standard DQN ({@code QLearningDiscreteDense}, Adam, target network). */
    DQN,
    /** RL4J's double DQN ({@code doubleDQN(true)}). */
    DDQN,
    /** PreQN (rl4j-preqn): preconditioned step, no Adam; target network off by default. */
    PREQN
}
