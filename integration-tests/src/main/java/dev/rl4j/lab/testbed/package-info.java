/**
 * Divergence testbeds with answers known in advance (docs/math.md#testbeds): Baird's counterexample, w -> 2w and
 * Tsitsiklis-Van Roy, as linear-feature problems that DL4J networks, the NTK engine and the learners can run on.
 */
package dev.rl4j.lab.testbed;
