/**
 * {@code rl4j-lab calibrate}: a labelled suite of runs (CartPole with RL4J's DQN, double DQN and PreQN; the linear
 * testbeds on both sides of their thresholds) whose outcome the harness judges alone ({@link
 * dev.rl4j.lab.calibrate.OutcomeJudge}, docs/math.md#calibration), with the diagnostics listener attached, and what
 * each finding predicted: recall, false-alarm rate and lead ({@link dev.rl4j.lab.calibrate.WarningMetrics}).
 */
package dev.rl4j.lab.calibrate;
