/**
 * Test fixtures shared by the tests of every module: seeded dense Q-networks ({@link dev.rl4j.testing.DenseNets}),
 * random states and RL4J transition batches ({@link dev.rl4j.testing.Batches}), independent TD errors
 * ({@link dev.rl4j.testing.TdErrors}), finite-difference Jacobians and reference matrix products
 * ({@link dev.rl4j.testing.FiniteDifferences}, {@link dev.rl4j.testing.Matrices}), Baird's counterexample
 * ({@link dev.rl4j.testing.BairdFeatures}) and RL4J plumbing for short training runs
 * ({@link dev.rl4j.testing.ContinuingTrainingListener}, {@link dev.rl4j.testing.DoubleDqnConfigurations}).
 *
 * <p>Published as the test-jar of rl4j-ntk-diagnostics (only this package); rl4j-preqn and integration-tests use it
 * as a test-scoped dependency of type {@code test-jar}.
 */
package dev.rl4j.testing;
