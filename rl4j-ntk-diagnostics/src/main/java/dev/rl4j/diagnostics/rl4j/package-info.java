/**
 * The RL4J side of the diagnostics listener: the two adapters that turn RL4J callbacks into calls on the RL4J-free
 * core {@link dev.rl4j.diagnostics.NtkMonitor}, and the discovery of what they need from the learner.
 *
 * <ul>
 *   <li>{@link dev.rl4j.diagnostics.rl4j.TrainingListenerAdapter}: legacy pipeline ({@code QLearningDiscreteDense}
 *       and co.), probing at episode ends on a sample of RL4J's replay memory.</li>
 *   <li>{@link dev.rl4j.diagnostics.rl4j.AgentListenerAdapter}: builder pipeline ({@code AgentLearner}), probing
 *       after steps on the listener's own reservoir of observed transitions.</li>
 *   <li>{@link dev.rl4j.diagnostics.rl4j.LearnerDiscovery}: Q-network, gamma, update count and step-size provider of
 *       a learner, read through getters or {@link dev.rl4j.internals.Rl4jInternals}; what cannot be found fails with
 *       a message naming the {@code NtkDiagnostics.builder()} method that supplies it.</li>
 * </ul>
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.diagnostics.rl4j;
