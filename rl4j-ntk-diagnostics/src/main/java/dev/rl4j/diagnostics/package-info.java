/**
 * Live NTK diagnostics of RL4J training runs: a listener that probes the Q-network's kernel and turns the
 * contraction conditions of Achiam et al. (2019) into named findings.
 */
package dev.rl4j.diagnostics;
