/**
 * Live NTK diagnostics of RL4J training runs: a listener that probes the Q-network's kernel and turns the
 * contraction conditions of Achiam et al. (2019) into named findings. Apart from the facade
 * {@link dev.rl4j.diagnostics.NtkDiagnostics}, nothing in this package knows RL4J; the RL4J adapters and discovery
 * live in {@code dev.rl4j.diagnostics.rl4j}, RL4J's private fields are read only by {@code dev.rl4j.internals}.
 *
 * <ul>
 *   <li>{@link dev.rl4j.diagnostics.NtkDiagnostics}: the entry point (RL4J legacy {@code TrainingListener} and
 *       builder-pipeline {@code AgentListener}), configured by its builder into a validated
 *       {@link dev.rl4j.diagnostics.DiagnosticsConfig}.</li>
 *   <li>{@link dev.rl4j.diagnostics.NtkMonitor}: the RL4J-free core the adapters drive: when to probe
 *       ({@code ProbeSchedule}), the step size ({@code StepSize.resolve}, one function with its priority order), the
 *       probe, debouncing ({@code FindingDebouncer}), history ({@code ProbeHistory}) and the failure policy
 *       ({@code FailureGuard}).</li>
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
