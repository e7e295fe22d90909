/**
 * PreQN (Achiam, Knight, Abbeel 2019, {@code docs/math.md#preqn}): a deep Q-learning update that moves the
 * minibatch's Q-values like tabular Q-learning, Q' = Q + alpha * delta, by solving K Z = delta with the empirical
 * NTK K and stepping theta' = theta + alpha * G Z (eq. 21). Swap-ins for both RL4J pipelines:
 * {@link dev.rl4j.preqn.PreQNDiscreteDense} (legacy) and {@link dev.rl4j.preqn.PreQNBuilder} (builder).
 */
package dev.rl4j.preqn;
