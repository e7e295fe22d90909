/**
 * Benchmarks run as commands, not timed tests: {@code bench-ntk} (the NTK engine), {@code bench-update} (one PreQN
 * update against RL4J's DQN update) and {@code bench-listener} (the diagnostics listener's share of training time).
 */
package dev.rl4j.lab.bench;
