/**
 * {@code rl4j-lab ntk}: offline NTK diagnosis of a saved Q-network on a batch of transitions read from CSV
 * (Achiam et al. 2019, Thm. 2; SEEM of Yue et al. 2023).
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.lab.offline;
