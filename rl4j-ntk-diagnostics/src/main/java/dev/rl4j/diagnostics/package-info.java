/**
 * Live NTK diagnostics of RL4J training runs: a listener that probes the Q-network's kernel and turns the
 * contraction conditions of Achiam et al. (2019) into named findings.
 *
 * <ul>
 *   <li>{@link dev.rl4j.diagnostics.NtkDiagnostics}: the listener (RL4J legacy {@code TrainingListener} and
 *       builder-pipeline {@code AgentListener}), configured by its validated builder.</li>
 *   <li>{@link dev.rl4j.diagnostics.ProbeMeasurement}, {@link dev.rl4j.diagnostics.ProbeRecord}: one probe's numbers
 *       and findings, with stable namespaced column names ({@code ntk/beta}, {@code q/max_abs}, ...).</li>
 *   <li>{@link dev.rl4j.diagnostics.FindingRules}: a pure function from a probe's numbers to
 *       {@link dev.rl4j.diagnostics.Finding}s ({@link dev.rl4j.diagnostics.FindingKind},
 *       {@link dev.rl4j.diagnostics.Severity}); the listener debounces them over consecutive probes.</li>
 *   <li>{@link dev.rl4j.diagnostics.ProbeSink} and its file formats {@link dev.rl4j.diagnostics.CsvProbeSink},
 *       {@link dev.rl4j.diagnostics.JsonLinesProbeSink}.</li>
 *   <li>{@link dev.rl4j.diagnostics.StepSizeProvider}: how a learner (PreQN) tells the listener its alpha;
 *       {@link dev.rl4j.diagnostics.AlphaSource} records where each probe's alpha came from.</li>
 * </ul>
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.diagnostics;
