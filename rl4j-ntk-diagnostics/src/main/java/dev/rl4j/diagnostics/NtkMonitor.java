package dev.rl4j.diagnostics;

import dev.rl4j.ntk.EmpiricalNtk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RL4J-free core of {@link NtkDiagnostics}, driven by an adapter of a training loop (the two RL4J adapters in
 * {@code dev.rl4j.diagnostics.rl4j}): it holds the bound Q-network and gamma, counts steps, episodes and the reward
 * bound, keeps the builder pipeline's transition reservoir, says when a probe is due ({@link ProbeSchedule}), and runs
 * a probe: step size ({@link StepSize#resolve}), measurement ({@code ProbeComputation}), findings
 * ({@link FindingRules}), debouncing, history, sinks and the stop request. Adapters run their callbacks through
 * {@link #guard} (self-disable or rethrow).
 *
 * <p>It draws only from its own {@link Random} (seeded by the config), never from the training generator. Not
 * thread-safe: called on the training thread. Stability: experimental. @since 0.1
 */
public final class NtkMonitor {

    private static final Logger log = LoggerFactory.getLogger(NtkDiagnostics.class);

    private final DiagnosticsConfig config;
    private final List<ProbeSink> sinks;
    private final Random random;
    private final TransitionReservoir reservoir;
    private final ProbeTimer schedule;
    private final FindingDebouncer debouncer;
    private final ProbeHistory history;
    private final FailureGuard guard;

    private boolean stopRequested;
    private boolean closed;
    private long probes;
    private long steps;
    private long episodes;
    private double rMax;
    private Object owner;
    private MultiLayerNetwork net;
    private EmpiricalNtk ntk;
    private double gamma;
    private Supplier<Optional<StepSizeProvider>> providers = Optional::empty;
    private UpdateMeter meter;
    private FindingRules rules;

    NtkMonitor(DiagnosticsConfig config, List<ProbeSink> sinks) {
        this.config = config;
        this.sinks = List.copyOf(sinks);
        this.random = new Random(config.seed());
        this.reservoir = new TransitionReservoir(config.reservoirCapacity(), random);
        this.schedule = new ProbeTimer(config.schedule());
        this.debouncer = new FindingDebouncer(config.consecutiveProbes());
        this.history = new ProbeHistory(config.historyCapacity());
        this.guard = new FailureGuard(config.rethrowErrors(), log);
        this.rules = config.rules().forTargetSyncInterval(config.targetSyncInterval());
    }

    /** The validated settings. */
    public DiagnosticsConfig config() {
        return config;
    }

    /**
     * Binds the learner {@code newOwner} with an unknown bootstrap network: as
     * {@link #bind(Object, MultiLayerNetwork, double, Supplier, Integer)} with {@code targetSyncInterval} null.
     */
    public void bind(Object newOwner, MultiLayerNetwork network, double g,
            Supplier<Optional<StepSizeProvider>> providerLookup) {
        bind(newOwner, network, g, providerLookup, null);
    }

    /**
     * Binds the learner {@code newOwner}: its Q-network, gamma and step-size provider lookup (asked at every probe).
     * When no alpha source but measurement remains, attaches a read-only {@link UpdateMeter} to the network.
     * The findings follow {@link FindingRules#forTargetSyncInterval}: the configured
     * {@link DiagnosticsConfig#targetSyncInterval()} if set, else {@code targetSyncInterval}.
     *
     * @param targetSyncInterval updates between copies of the network the TD targets come from (1: the network being
     *                           updated), or null when unknown (SELF_EXCITING is then INFO)
     */
    public void bind(Object newOwner, MultiLayerNetwork network, double g,
            Supplier<Optional<StepSizeProvider>> providerLookup, Integer targetSyncInterval) {
        if (network != net) {
            ntk = EmpiricalNtk.of(network);
            net = network;
            meter = null;
        }
        owner = newOwner;
        gamma = g;
        providers = providerLookup;
        Integer interval = config.targetSyncInterval() != null ? config.targetSyncInterval() : targetSyncInterval;
        rules = config.rules().forTargetSyncInterval(interval);
        boolean hasProvider = providers.get().isPresent();
        if (meter == null && config.stepSize() == null && !hasProvider && StepSize.sgdAlpha(net).isEmpty()) {
            meter = new UpdateMeter();
            net.addListeners(meter);
            meter.arm();
        }
        log.info("NtkDiagnostics attached to {}: gamma={} schedule={} probeSize={} alpha from {}, SELF_EXCITING {} ({})",
                newOwner.getClass().getSimpleName(), gamma, config.schedule(), config.probeSize(),
                config.stepSize() != null ? AlphaSource.USER : providers.get().isPresent() ? AlphaSource.PROVIDER
                        : meter == null ? AlphaSource.SGD_LEARNING_RATE : AlphaSource.MEASURED,
                rules.severityOf(FindingKind.SELF_EXCITING), describe(interval));
    }

    private static String describe(Integer interval) {
        if (interval == null) {
            return "bootstrap network unknown: set NtkDiagnostics.builder().targetSyncInterval(1) if the TD targets "
                    + "come from the network being trained";
        }
        return interval == 1 ? "TD targets from the network being trained"
                : interval == Integer.MAX_VALUE ? "TD targets from a target network that is never copied"
                : "TD targets from a target network copied every " + interval + " updates";
    }

    /** The findings' rules as applied to the bound learner ({@link FindingRules#forTargetSyncInterval}). */
    public FindingRules rules() {
        return rules;
    }

    /** True when {@code candidate} is the learner bound last. */
    public boolean isBoundTo(Object candidate) {
        return candidate == owner;
    }

    /** The learner bound last, or null. */
    public Object owner() {
        return owner;
    }

    /** The bound Q-network, or null before the first bind. */
    public MultiLayerNetwork network() {
        return net;
    }

    /** Sets the step and episode counts (loops that count them themselves). */
    public void recordProgress(long stepCount, long episodeCount) {
        steps = stepCount;
        episodes = episodeCount;
    }

    /** Counts one environment step with its reward. */
    public void recordStep(double reward) {
        steps++;
        recordReward(reward);
    }

    /** Widens the reward bound r_max = max |r| seen (in the learner's reward scale). */
    public void recordReward(double reward) {
        rMax = Math.max(rMax, Math.abs(reward));
    }

    /** Counts one finished episode. */
    public void recordEpisodeEnd() {
        episodes++;
    }

    /** Offers an observed transition to the bounded reservoir (reservoir sampling with the own generator). */
    public void offer(Transition t) {
        reservoir.offer(t);
    }

    /** Transitions held by the reservoir. */
    public int reservoirSize() {
        return reservoir.size();
    }

    /** Up to probeSize distinct transitions from the reservoir. */
    public List<Transition> sampleReservoir() {
        return reservoir.sample(config.probeSize());
    }

    /** Up to probeSize distinct elements of {@code candidates}, uniformly, with the own generator. */
    public <T> List<T> sample(List<T> candidates) {
        return ProbeSampling.choose(candidates, config.probeSize(), random);
    }

    /** True when a probe is due at this update count ({@link ProbeSchedule}). */
    public boolean isProbeDue(long updates) {
        return schedule.isDue(updates);
    }

    /**
     * Probes the bound network on {@code batch} at update {@code updates}: measures, evaluates and debounces the
     * findings, stores and emits the record, and requests a stop when an active finding is in {@code stopOn}.
     * The schedule then sees the probe's {@link ProbeSignal}; an empty batch only moves the schedule on.
     */
    public void probe(List<Transition> batch, long updates, long startNanos) {
        if (batch.isEmpty()) {
            schedule.skipped(updates);
            return;
        }
        StepSize step = StepSize.resolve(config.stepSize(), providers.get().orElse(null), () -> StepSize.sgdAlpha(net),
                () -> meter == null ? null : meter.result(net));
        ProbeComputation.Context ctx = new ProbeComputation.Context(updates, steps, episodes, gamma, step.alpha(),
                step.source(), step.linearisationCos(), rMax, config.dormantThreshold(), startNanos, step.damping());
        ProbeMeasurement m = ProbeComputation.measure(net, ntk, batch, ctx);
        List<Finding> candidates = rules.evaluate(m);
        List<Finding> active = debouncer.activate(candidates);
        ProbeRecord record = new ProbeRecord(probes++, m, candidates, active);
        history.add(record);
        schedule.probed(updates, ProbeSignal.of(record));
        for (ProbeSink s : sinks) {
            s.accept(record);
        }
        for (Finding f : active) {
            if (config.stopOn().contains(f.kind()) && !stopRequested) {
                stopRequested = true;
                log.warn("NtkDiagnostics requests the end of training: {} at update {} is configured to stop",
                        f.kind(), updates);
            }
        }
        if (meter != null) {
            meter.arm();
        }
    }

    /** Runs a callback's body under the failure policy (log and disable, or rethrow); skipped once disabled. */
    public void guard(String callback, Runnable body) {
        guard.run(callback, body, () -> "probes=" + probes + ", lastProbeUpdate=" + schedule.lastProbeUpdate()
                + ", steps=" + steps + ", episodes=" + episodes);
    }

    /** The most recent probe records, oldest first; a copy. */
    public List<ProbeRecord> history() {
        return history.records();
    }

    /** Probes run so far. */
    public long probes() {
        return probes;
    }

    /** True once a finding listed in {@code stopOn} became active. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** True once the monitor disabled itself after an internal exception. */
    public boolean isDisabled() {
        return guard.isDisabled();
    }

    /** Closes every sink and detaches the update meter; idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (meter != null && net != null) {
            List<org.deeplearning4j.optimize.api.TrainingListener> keep = new ArrayList<>(net.getListeners());
            keep.remove(meter);
            net.setListeners(keep);
        }
        for (ProbeSink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                log.warn("NtkDiagnostics: closing sink {} failed", s, e);
            }
        }
    }
}
