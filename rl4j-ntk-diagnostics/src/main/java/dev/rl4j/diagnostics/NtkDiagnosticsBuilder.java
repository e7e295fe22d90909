package dev.rl4j.diagnostics;

import dev.rl4j.provenance.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the settings of {@link NtkDiagnostics}; {@link #build()} validates them ({@link DiagnosticsConfig})
 * and names the offending field, its allowed range and the value received.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class NtkDiagnosticsBuilder {
    private ProbeSchedule schedule = ProbeSchedule.adaptive();
    private Integer fixedPeriod;
    private int probeSize = NtkDiagnostics.DEFAULT_PROBE_SIZE;
    private int reservoirCapacity = 10_000;
    private int historyCapacity = 1_000;
    private int consecutive = NtkDiagnostics.DEFAULT_CONSECUTIVE_PROBES;
    private FindingRules rules = FindingRules.live();
    private Set<FindingKind> stopOn = EnumSet.noneOf(FindingKind.class);
    private boolean rethrowErrors;
    private double dormantTau = 0.025;
    private long seed = 0x5EEDL;
    private Double gamma;
    private Integer targetSyncInterval;
    private Double stepSize;
    private MultiLayerNetwork network;
    private final List<ProbeSink> sinks = new ArrayList<>();
    private Duration logInterval = Duration.ofSeconds(30);
    private LongSupplier clock = System::nanoTime;
    private Logger logger = LoggerFactory.getLogger(NtkDiagnostics.class);
    private final List<Path> csv = new ArrayList<>();
    private final List<Path> jsonLines = new ArrayList<>();
    private final Map<String, Object> provenance = new LinkedHashMap<>();

    NtkDiagnosticsBuilder() {
    }

    /**
     * A probe every {@code updates} updates, >= 1, the first at update {@code updates}: shorthand for
     * {@code schedule(ProbeSchedule.fixed(updates))}, validated by {@link #build()}. The last of {@code period} and
     * {@link #schedule} called wins.
     */
    public NtkDiagnosticsBuilder period(int updates) {
        this.fixedPeriod = updates;
        return this;
    }

    /**
     * When to probe (default {@link ProbeSchedule#adaptive()}: the first probe after the first update, dense early,
     * backing off geometrically while nothing worsens, dense again when something does), e.g.
     * {@code schedule(ProbeSchedule.adaptive(1, 5, 2.0, 500))}. The last of {@link #period} and {@code schedule}
     * called wins.
     */
    public NtkDiagnosticsBuilder schedule(ProbeSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.fixedPeriod = null;
        return this;
    }

    /** Transitions per probe, in [2, 4096] (default 256); fewer when fewer were experienced. */
    public NtkDiagnosticsBuilder probeSize(int pairs) {
        this.probeSize = pairs;
        return this;
    }

    /** Builder pipeline: transitions kept in the reservoir, >= probeSize (default 10000). */
    public NtkDiagnosticsBuilder reservoirCapacity(int transitions) {
        this.reservoirCapacity = transitions;
        return this;
    }

    /** Probe records kept by {@link NtkDiagnostics#history()}, >= 0 (default 1000; 0 keeps none). */
    public NtkDiagnosticsBuilder historyCapacity(int records) {
        this.historyCapacity = records;
        return this;
    }

    /**
     * Consecutive probes a finding must hold before it becomes active, >= 1 (default
     * {@value NtkDiagnostics#DEFAULT_CONSECUTIVE_PROBES}); NON_FINITE ignores it.
     */
    public NtkDiagnosticsBuilder consecutiveProbes(int k) {
        this.consecutive = k;
        return this;
    }

    /** Thresholds of the findings (default {@link FindingRules#live()}). */
    public NtkDiagnosticsBuilder rules(FindingRules rules) {
        this.rules = rules;
        return this;
    }

    /** Findings that end training when they become active (default none). */
    public NtkDiagnosticsBuilder stopOn(FindingKind... kinds) {
        this.stopOn = kinds.length == 0 ? EnumSet.noneOf(FindingKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
        return this;
    }

    /** Rethrow internal exceptions instead of logging them and disabling the listener (default false). */
    public NtkDiagnosticsBuilder rethrowErrors(boolean rethrow) {
        this.rethrowErrors = rethrow;
        return this;
    }

    /** Dormant-unit threshold tau on the normalised unit score, in [0, 1] (default 0.025). */
    public NtkDiagnosticsBuilder dormantThreshold(double tau) {
        this.dormantTau = tau;
        return this;
    }

    /** Seed of the listener's own generator (probe sampling and reservoir); default 0x5EED. */
    public NtkDiagnosticsBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Discount in [0, 1), for learners it cannot be read from. */
    public NtkDiagnosticsBuilder gamma(double gamma) {
        this.gamma = gamma;
        return this;
    }

    /**
     * Updates between copies of the network the TD targets come from (1: the network being trained, i.e. no target
     * network), for learners it cannot be read from (default: read from the learner: {@link BootstrapSource}, else
     * RL4J's target update frequency). SELF_EXCITING is a warning only for 1 ({@link FindingRules#forTargetSyncInterval}).
     */
    public NtkDiagnosticsBuilder targetSyncInterval(int interval) {
        this.targetSyncInterval = interval;
        return this;
    }

    /** Effective step size alpha > 0, overriding every other source ({@link AlphaSource#USER}). */
    public NtkDiagnosticsBuilder stepSize(double alpha) {
        this.stepSize = alpha;
        return this;
    }

    /** The Q-network, for learners it cannot be found on (e.g. a ComputationGraph wrapper around an MLN). */
    public NtkDiagnosticsBuilder network(MultiLayerNetwork net) {
        this.network = net;
        return this;
    }

    /** Adds a sink; it is closed by {@link NtkDiagnostics#close()}. */
    public NtkDiagnosticsBuilder sink(ProbeSink sink) {
        this.sinks.add(Objects.requireNonNull(sink, "sink"));
        return this;
    }

    /** Also write a CSV file ({@link CsvProbeSink}), created at {@link #build()}. */
    public NtkDiagnosticsBuilder csv(Path file) {
        this.csv.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /** Also write a JSON Lines file ({@link JsonLinesProbeSink}), created at {@link #build()}. */
    public NtkDiagnosticsBuilder jsonLines(Path file) {
        this.jsonLines.add(Objects.requireNonNull(file, "file"));
        return this;
    }

    /**
     * Run settings for the provenance sidecars of the {@link #csv} and {@link #jsonLines} files (learner, PreQN
     * configuration, seeds, network: whatever says how the run was made), added in order; the listener's own
     * configuration is added by {@link #build()} as {@code "diagnostics"}. Values as {@code JsonValues} writes them.
     */
    public NtkDiagnosticsBuilder provenance(Map<String, ?> settings) {
        this.provenance.putAll(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /** Minimum time between two INFO log lines, >= 0 (default 30 s); warnings on state changes are not limited. */
    public NtkDiagnosticsBuilder logInterval(Duration interval) {
        this.logInterval = Objects.requireNonNull(interval, "interval");
        return this;
    }

    /** For tests: the clock of the log rate limit (nanoseconds). */
    NtkDiagnosticsBuilder clock(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** For tests: the logger of the SLF4J output. */
    NtkDiagnosticsBuilder logger(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
        return this;
    }

    /**
     * Validates and builds; creates the CSV and JSON Lines files after validation, each with its provenance sidecar
     * {@code <file>.provenance.json} (this JVM and build, {@link #provenance(Map)}, the diagnostics configuration).
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public NtkDiagnostics build() {
        return new NtkDiagnostics(buildMonitor());
    }

    /**
     * Validates and builds only the RL4J-free core, for a training loop of your own (no RL4J learner): call
     * {@link NtkMonitor#bind}, then per update {@link NtkMonitor#recordStep}/{@link NtkMonitor#offer}, and
     * {@link NtkMonitor#probe} with {@link NtkMonitor#sampleReservoir()} when {@link NtkMonitor#isProbeDue} says so
     * (each call under {@link NtkMonitor#guard}); close it at the end. Same files, sinks and defaults as {@link #build()}.
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public NtkMonitor buildMonitor() {
        ProbeSchedule when = fixedPeriod != null ? ProbeSchedule.fixed(fixedPeriod) : schedule;
        DiagnosticsConfig config = new DiagnosticsConfig(when, probeSize, reservoirCapacity, historyCapacity,
                consecutive, rules, stopOn, rethrowErrors, dormantTau, seed, gamma, stepSize, network,
                logInterval, targetSyncInterval);
        Provenance origin = Provenance.current().withSettings(provenance)
                .withSetting("diagnostics", config.toSettings());
        csv.forEach(p -> sinks.add(new CsvProbeSink(p, origin)));
        jsonLines.forEach(p -> sinks.add(new JsonLinesProbeSink(p, origin)));
        csv.clear();
        jsonLines.clear();
        List<ProbeSink> all = new ArrayList<>();
        all.add(new LogReporter(logger, logInterval.toNanos(), clock));
        all.addAll(sinks);
        return new NtkMonitor(config, all);
    }
}
