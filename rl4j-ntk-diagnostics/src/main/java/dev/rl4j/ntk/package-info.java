/**
 * The empirical neural tangent kernel of a DL4J Q-network ({@link dev.rl4j.ntk.EmpiricalNtk}) and the
 * contraction diagnostics of Achiam, Knight and Abbeel (2019) computed from it ({@link dev.rl4j.ntk.StabilityMetrics}).
 * {@link dev.rl4j.ntk.NextStateKernel} owns the rule of SEEM's cross kernel K(X*, X) (greedy next actions, terminal
 * rows zero). Nothing here depends on RL4J's training loop.
 */
package dev.rl4j.ntk;
