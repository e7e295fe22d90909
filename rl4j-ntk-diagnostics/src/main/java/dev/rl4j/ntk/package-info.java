/**
 * The empirical neural tangent kernel of a DL4J Q-network ({@link dev.rl4j.ntk.EmpiricalNtk}) and the
 * contraction diagnostics of Achiam, Knight and Abbeel (2019) computed from it ({@link dev.rl4j.ntk.StabilityMetrics}),
 * the damped kernel solve shared by PreQN and the diagnostics ({@link dev.rl4j.ntk.DampedKernel}), the rule of SEEM's
 * cross kernel K(X*, X) ({@link dev.rl4j.ntk.NextStateKernel}: greedy next actions, terminal rows zero), and the
 * shared checks of finite numbers ({@link dev.rl4j.ntk.Finite}) and discount ranges ({@link dev.rl4j.ntk.Discount}).
 * Nothing here depends on RL4J's training loop.
 */
package dev.rl4j.ntk;
