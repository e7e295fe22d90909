/**
 * {@code rl4j-lab ntk-study}: the NTK architecture study of Achiam et al. 2019 (row ratio and diagonal of K for
 * relu, tanh and sin networks across widths and depths) on CartPole states, with a CSV table and a chart.
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.lab.study;
