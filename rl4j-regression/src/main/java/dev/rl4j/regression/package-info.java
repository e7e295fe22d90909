/**
 * Seeded regression checks of a user's own RL4J learner on the user's own environment, for JUnit tests: add this
 * module as one test-scoped dependency and write
 *
 * <pre>{@code
 * @Test
 * void dqnStillLearnsCartpole() {
 *     AgentRegression.legacy(seed -> new QLearningDiscreteDense<>(new CartpoleNative((int) seed), NET,
 *                     QLearningConfiguration.builder().seed(seed).maxEpochStep(200).maxStep(30_000).build()))
 *             .seeds(1, 2, 3)
 *             .expect("best_mean100 >= 150")
 *             .expectNoFinding(FindingKind.SOFT_DIVERGENCE)
 *             .minPassing(2)
 *             .assertPasses();
 * }
 * }</pre>
 *
 * <p>{@link dev.rl4j.regression.AgentRegression} is the entry point (legacy {@code QLearningDiscrete} or builder
 * pipeline through {@code SyncTrainer}); {@link dev.rl4j.regression.Expectation} is the {@code rl4j-lab regress
 * --expect} syntax; {@link dev.rl4j.regression.AgentRegression#run()} returns a
 * {@link dev.rl4j.regression.RegressionResult} of {@link dev.rl4j.regression.SeedResult}s for users who assert
 * themselves. The module brings no ND4J backend: the user's project already has one.
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.regression;
