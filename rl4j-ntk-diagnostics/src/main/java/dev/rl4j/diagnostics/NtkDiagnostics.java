package dev.rl4j.diagnostics;

import dev.rl4j.ntk.EmpiricalNtk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live divergence early-warning for RL4J DQN-family and PreQN training: every {@code period} updates it probes the
 * Q-network's empirical NTK on a batch of experienced transitions and turns the contraction conditions of Achiam et
 * al. (2019, Thm. 2), SEEM, soft divergence, feature rank and numeric health into named {@link Finding}s.
 *
 * <pre>{@code
 * NtkDiagnostics diagnostics = NtkDiagnostics.builder().csv(Path.of("ntk.csv")).build();
 * legacyLearner.addListener(diagnostics);                    // QLearningDiscreteDense & co (TrainingListener)
 * // or, builder pipeline: agentLearnerListeners.add(diagnostics);  (AgentListener<Integer>)
 * }</pre>
 *
 * <p><b>What it reads.</b> Legacy: the learner passed to the callbacks ({@code QLearning}): Q-network
 * ({@code getQNetwork().getNeuralNetworks()[0]}), gamma ({@code getConfiguration()}), and, read-only by reflection,
 * the replay memory and the update count. Builder: the agent's policy ({@code EpsGreedy.getNeuralNet()}), gamma from
 * its update algorithm by reflection, and its own bounded reservoir of the transitions it observes. What cannot be
 * found is taken from the builder ({@link Builder#network}, {@link Builder#gamma}, {@link Builder#stepSize}); the
 * error message names the builder method to call.
 *
 * <p><b>When it probes.</b> Legacy listeners are called once per episode, so there a probe runs at the first
 * episode end at which at least {@code period} updates passed since the last probe. Builder: after the first step at
 * which that holds. Updates are counted by RL4J's update rule.
 *
 * <p><b>It does not disturb training.</b> It draws only from its own {@link Random}, never from RL4J's generator,
 * never calls the replay memory's sampling, never writes the network (the NTK engine and inference-mode forward
 * passes only read it; input and labels fields are restored). For adaptive optimisers it adds a read-only DL4J
 * listener to the Q-network that copies one update per probe interval. Memory is bounded by the reservoir, the
 * history capacity and one probe batch; time by one probe per {@code period} updates.
 *
 * <p><b>Effective step size</b> (each record says which, {@link AlphaSource}): the builder's value; a
 * {@link StepSizeProvider} (the learner or its update algorithm, e.g. PreQN); plain SGD with MSE, alpha = 2 lr / nOut;
 * otherwise measured from the most recent captured real update (the first update after the previous probe).
 *
 * <p><b>Stopping.</b> Findings whose kind is in {@link Builder#stopOn} end training: legacy callbacks return
 * {@code STOP}. In the builder pipeline an agent listener's STOP only ends the current episode (it is returned once),
 * so also wrap the trainer's stopping condition: {@code new SyncTrainer<>(builder, diagnostics.orStopRequested(t -> t.getStepCount() >= max))},
 * or poll {@link #stopRequested()}.
 *
 * <p><b>Failures.</b> An exception inside the listener (including a sink) is logged at ERROR with its context and
 * the listener disables itself (training goes on), unless {@link Builder#rethrowErrors(boolean)} was set.
 *
 * <p>Not thread-safe: RL4J calls listeners on the training thread. Stability: experimental. @since 0.1
 */
public final class NtkDiagnostics implements TrainingListener, AgentListener<Integer>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NtkDiagnostics.class);

    /**
     * Default probe period in updates. Measured on a 2-core machine (CostMeasurementMain): a 256-pair probe of RL4J's
     * default CartPole DQN (4-100-100-100-2) costs about 0.2-0.3 s, dominated by the two 256 x 256 eigen-decompositions
     * of {@code StabilityMetrics} (commons-math), while one DQN update with its environment step costs about 4-5 ms;
     * every 2500 updates keeps the probes near 2% of the training wall time, within the 5% budget.
     */
    public static final int DEFAULT_PERIOD = 2500;
    /** Default number of transitions per probe (the default). */
    public static final int DEFAULT_PROBE_SIZE = 256;

    private final int period;
    private final int probeSize;
    private final int historyCapacity;
    private final int consecutive;
    private final FindingRules rules;
    private final Set<FindingKind> stopOn;
    private final boolean rethrowErrors;
    private final double dormantTau;
    private final Double userGamma;
    private final Double userStepSize;
    private final MultiLayerNetwork userNetwork;
    private final List<ProbeSink> sinks;
    private final Random random;
    private final TransitionReservoir reservoir;
    private final ArrayDeque<ProbeRecord> history = new ArrayDeque<>();
    private final Map<FindingKind, Integer> streaks = new EnumMap<>(FindingKind.class);

    private boolean disabled;
    private boolean stopRequested;
    private boolean agentStopDelivered;
    private boolean closed;
    private long lastProbeUpdate;
    private long probes;
    private long steps;
    private long episodes;
    private double rMax;
    private Object owner;
    private MultiLayerNetwork net;
    private EmpiricalNtk ntk;
    private double gamma;
    private UpdateMeter meter;
    private double[] pendingState;
    private int pendingAction;

    private NtkDiagnostics(Builder b) {
        this.period = b.period;
        this.probeSize = b.probeSize;
        this.historyCapacity = b.historyCapacity;
        this.consecutive = b.consecutive;
        this.rules = b.rules;
        this.stopOn = b.stopOn.isEmpty() ? EnumSet.noneOf(FindingKind.class) : EnumSet.copyOf(b.stopOn);
        this.rethrowErrors = b.rethrowErrors;
        this.dormantTau = b.dormantTau;
        this.userGamma = b.gamma;
        this.userStepSize = b.stepSize;
        this.userNetwork = b.network;
        this.random = new Random(b.seed);
        this.reservoir = new TransitionReservoir(b.reservoirCapacity, random);
        List<ProbeSink> all = new ArrayList<>();
        all.add(new LogReporter(b.logger, b.logInterval.toNanos(), b.clock));
        all.addAll(b.sinks);
        this.sinks = List.copyOf(all);
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- programmatic access

    /** The most recent probe records, oldest first, at most {@code historyCapacity}; a copy. */
    public List<ProbeRecord> history() {
        return List.copyOf(history);
    }

    /** True once a finding listed in {@code stopOn} became active. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** True once the listener disabled itself after an internal exception. */
    public boolean isDisabled() {
        return disabled;
    }

    /**
     * A stopping condition for RL4J's {@code SyncTrainer} that also ends the run when this listener requests a stop:
     * {@code t -> stopRequested() || base.test(t)}.
     */
    public <T> Predicate<T> orStopRequested(Predicate<T> base) {
        Objects.requireNonNull(base, "base");
        return t -> stopRequested || base.test(t);
    }

    /** Closes every sink (files) and detaches the update meter; idempotent. */
    @Override
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

    // ---------------------------------------------------------------- legacy pipeline (TrainingListener)

    @Override
    public TrainingListener.ListenerResponse onTrainingStart() {
        return legacyResponse();
    }

    @Override
    public void onTrainingEnd() {
        guard("onTrainingEnd", () -> {
            close();
            return null;
        }, null);
    }

    @Override
    public TrainingListener.ListenerResponse onNewEpoch(IEpochTrainer trainer) {
        guard("onNewEpoch", () -> {
            bindLegacy(trainer);
            return null;
        }, null);
        return legacyResponse();
    }

    @Override
    public TrainingListener.ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        guard("onEpochTrainingResult", () -> {
            bindLegacy(trainer);
            steps = trainer.getStepCount();
            episodes = trainer.getEpochCount() + 1L;
            long updates = updateCount();
            if (updates - lastProbeUpdate >= period) {
                long start = System.nanoTime();
                probe(replaySample(), updates, start);
            }
            return null;
        }, null);
        return legacyResponse();
    }

    @Override
    public TrainingListener.ListenerResponse onTrainingProgress(ILearning learning) {
        return legacyResponse();
    }

    private TrainingListener.ListenerResponse legacyResponse() {
        return stopRequested ? TrainingListener.ListenerResponse.STOP : TrainingListener.ListenerResponse.CONTINUE;
    }

    private void bindLegacy(Object trainer) {
        if (trainer == owner) {
            return;
        }
        MultiLayerNetwork found = userNetwork;
        Double g = userGamma;
        if (trainer instanceof QLearning<?, ?, ?> q) {
            if (found == null) {
                NeuralNetwork[] nets = q.getQNetwork().getNeuralNetworks();
                if (nets.length > 0 && nets[0] instanceof MultiLayerNetwork mln) {
                    found = mln;
                }
            }
            if (g == null) {
                g = q.getConfiguration().getGamma();
            }
        }
        bind(trainer, found, g);
    }

    private List<Transition> replaySample() {
        Optional<Collection<?>> storage = Rl4jInternals.replayStorage(owner);
        if (storage.isEmpty()) {
            throw new IllegalStateException("NtkDiagnostics cannot read the replay memory of "
                    + owner.getClass().getName() + " (expected QLearningDiscrete.learningBehavior.experienceHandler"
                    + ".expReplay.storage of RL4J 1.0.0-M1.1); use the builder pipeline, where the listener keeps its own reservoir");
        }
        Object[] all = storage.get().toArray();
        List<Object> usable = new ArrayList<>(all.length);
        for (Object o : all) {
            if (o instanceof StateActionRewardState<?> t && t.getNextObservation() != null
                    && !t.getObservation().isSkipped() && !t.getNextObservation().isSkipped()) {
                rMax = Math.max(rMax, Math.abs(t.getReward())); // already scaled by rewardFactor in QLearningDiscrete
                usable.add(o);
            }
        }
        List<Transition> out = new ArrayList<>();
        for (Object o : ProbeSampling.choose(usable, probeSize, random)) {
            StateActionRewardState<?> t = (StateActionRewardState<?>) o;
            out.add(new Transition(flatten(t.getObservation().getData()), ((Number) t.getAction()).intValue(),
                    t.getReward(), flatten(t.getNextObservation().getData()), t.isTerminal()));
        }
        return out;
    }

    // ---------------------------------------------------------------- builder pipeline (AgentListener)

    @Override
    public AgentListener.ListenerResponse onBeforeEpisode(Agent agent) {
        guard("onBeforeEpisode", () -> {
            bindAgent(agent);
            return null;
        }, null);
        return agentResponse();
    }

    @Override
    public AgentListener.ListenerResponse onBeforeStep(Agent agent, Observation observation, Integer action) {
        guard("onBeforeStep", () -> {
            bindAgent(agent);
            pendingState = observation == null || observation.isSkipped() ? null : flatten(observation.getData());
            pendingAction = action == null ? -1 : action;
            return null;
        }, null);
        return agentResponse();
    }

    @Override
    public AgentListener.ListenerResponse onAfterStep(Agent agent, StepResult stepResult) {
        guard("onAfterStep", () -> {
            steps++;
            rMax = Math.max(rMax, Math.abs(stepResult.getReward()));
            Object next = Rl4jInternals.agentObservation(agent).orElse(null);
            if (pendingState != null && pendingAction >= 0 && next instanceof Observation o && !o.isSkipped()) {
                reservoir.offer(new Transition(pendingState, pendingAction, stepResult.getReward(),
                        flatten(o.getData()), stepResult.isTerminal()));
            }
            pendingState = null;
            long updates = updateCount();
            if (updates - lastProbeUpdate >= period && reservoir.size() > 0) {
                long start = System.nanoTime();
                probe(reservoir.sample(probeSize), updates, start);
            }
            return null;
        }, null);
        return agentResponse();
    }

    @Override
    public void onAfterEpisode(Agent agent) {
        episodes++;
    }

    /**
     * STOP is delivered once, ending the current episode. Returning it on every later callback would make each new
     * episode end before its first step, and a SyncTrainer whose predicate counts steps would then loop forever; the
     * run itself ends through {@link #orStopRequested(Predicate)}.
     */
    private AgentListener.ListenerResponse agentResponse() {
        if (stopRequested && !agentStopDelivered) {
            agentStopDelivered = true;
            return AgentListener.ListenerResponse.STOP;
        }
        return AgentListener.ListenerResponse.CONTINUE;
    }

    private void bindAgent(Agent<?> agent) {
        if (agent == owner) {
            return;
        }
        MultiLayerNetwork found = userNetwork;
        if (found == null && agent.getPolicy() instanceof EpsGreedy<?> eg) {
            found = Rl4jInternals.multiLayerNetwork(eg.getNeuralNet()).orElse(null);
        }
        Double g = userGamma != null ? userGamma : Rl4jInternals.gamma(agent).orElse(null);
        bind(agent, found, g);
    }

    // ---------------------------------------------------------------- shared

    private void bind(Object newOwner, MultiLayerNetwork found, Double g) {
        if (found == null) {
            throw new IllegalStateException("NtkDiagnostics cannot find a MultiLayerNetwork Q-network on "
                    + newOwner.getClass().getName() + "; supply it with NtkDiagnostics.builder().network(net)");
        }
        if (g == null) {
            throw new IllegalStateException("NtkDiagnostics cannot find gamma on " + newOwner.getClass().getName()
                    + "; supply it with NtkDiagnostics.builder().gamma(value)");
        }
        if (found != net) {
            ntk = EmpiricalNtk.of(found);
            net = found;
            meter = null;
        }
        owner = newOwner;
        gamma = g;
        if (meter == null && userStepSize == null && stepSizeProvider().isEmpty() && sgdAlpha().isEmpty()) {
            meter = new UpdateMeter();
            net.addListeners(meter);
            meter.arm();
        }
        log.info("NtkDiagnostics attached to {}: gamma={} period={} probeSize={} alpha from {}",
                newOwner.getClass().getSimpleName(), gamma, period, probeSize,
                userStepSize != null ? AlphaSource.USER : stepSizeProvider().isPresent() ? AlphaSource.PROVIDER
                        : meter == null ? AlphaSource.SGD_LEARNING_RATE : AlphaSource.MEASURED);
    }

    private long updateCount() {
        return Rl4jInternals.updateCount(owner).map(Integer::longValue).orElseGet(() -> (long) net.getIterationCount());
    }

    private Optional<StepSizeProvider> stepSizeProvider() {
        if (owner instanceof StepSizeProvider p) {
            return Optional.of(p);
        }
        return Rl4jInternals.updateAlgorithm(owner).filter(StepSizeProvider.class::isInstance)
                .map(StepSizeProvider.class::cast);
    }

    /** Plain SGD with MSE output: alpha = 2 lr / nOut (see {@link AlphaSource#SGD_LEARNING_RATE}). */
    private Optional<Double> sgdAlpha() {
        Double lr = null;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (!(net.getLayer(i).conf().getLayer() instanceof BaseLayer layer)) {
                return Optional.empty();
            }
            IUpdater u = layer.getIUpdater();
            if (!(u instanceof Sgd)) {
                return Optional.empty();
            }
            double layerLr = u.getLearningRate(net.getIterationCount(), net.getEpochCount());
            if (lr != null && lr != layerLr) {
                return Optional.empty(); // per-layer rates have no single alpha
            }
            lr = layerLr;
        }
        if (lr == null || !(net.getOutputLayer().conf().getLayer() instanceof BaseOutputLayer out)
                || !(out.getLossFn() instanceof LossMSE)) {
            return Optional.empty();
        }
        return Optional.of(2.0 * lr / net.getLayer(net.getnLayers() - 1).getParam("W").size(1));
    }

    private void probe(List<Transition> batch, long updates, long startNanos) {
        lastProbeUpdate = updates;
        if (batch.isEmpty()) {
            return;
        }
        double alpha;
        AlphaSource source;
        double cos = Double.NaN;
        double damping = Double.NaN;
        Optional<StepSizeProvider> provider = stepSizeProvider();
        Optional<Double> sgd;
        if (userStepSize != null) {
            alpha = userStepSize;
            source = AlphaSource.USER;
        } else if (provider.isPresent()) {
            alpha = provider.get().stepSize();
            damping = provider.get().preconditionerDamping();
            source = Double.isNaN(damping) ? AlphaSource.PROVIDER : AlphaSource.PRECONDITIONED;
        } else if ((sgd = sgdAlpha()).isPresent()) {
            alpha = sgd.get();
            source = AlphaSource.SGD_LEARNING_RATE;
        } else {
            UpdateMeter.Result r = meter == null ? null : meter.result(net);
            boolean usable = r != null && Double.isFinite(r.alpha()) && r.alpha() > 0;
            alpha = usable ? r.alpha() : Double.NaN;
            cos = r == null ? Double.NaN : r.cos();
            source = usable ? AlphaSource.MEASURED : AlphaSource.UNKNOWN;
        }
        ProbeComputation.Context ctx = new ProbeComputation.Context(updates, steps, episodes, gamma, alpha, source,
                cos, rMax, dormantTau, startNanos, damping);
        ProbeMeasurement m = ProbeComputation.measure(net, ntk, batch, ctx);
        List<Finding> candidates = rules.evaluate(m);
        List<Finding> active = debounce(candidates);
        ProbeRecord record = new ProbeRecord(probes++, m, candidates, active);
        if (historyCapacity > 0) {
            if (history.size() == historyCapacity) {
                history.removeFirst();
            }
            history.addLast(record);
        }
        for (ProbeSink s : sinks) {
            s.accept(record);
        }
        for (Finding f : active) {
            if (stopOn.contains(f.kind()) && !stopRequested) {
                stopRequested = true;
                log.warn("NtkDiagnostics requests the end of training: {} at update {} is configured to stop",
                        f.kind(), updates);
            }
        }
        if (meter != null) {
            meter.arm();
        }
    }

    /** Active = met on {@code consecutive} probes in a row; NON_FINITE at once. */
    private List<Finding> debounce(List<Finding> candidates) {
        List<Finding> active = new ArrayList<>();
        EnumSet<FindingKind> present = EnumSet.noneOf(FindingKind.class);
        for (Finding f : candidates) {
            present.add(f.kind());
            int streak = streaks.merge(f.kind(), 1, Integer::sum);
            if (f.kind() == FindingKind.NON_FINITE || streak >= consecutive) {
                active.add(f);
            }
        }
        for (FindingKind k : FindingKind.values()) {
            if (!present.contains(k)) {
                streaks.remove(k);
            }
        }
        return active;
    }

    private <R> R guard(String callback, Supplier<R> body, R onFailure) {
        if (disabled) {
            return onFailure;
        }
        try {
            return body.get();
        } catch (RuntimeException e) {
            if (rethrowErrors) {
                throw e;
            }
            disabled = true;
            log.error("NtkDiagnostics disabled itself after an exception in {} (probes={}, lastProbeUpdate={}, steps={}, "
                    + "episodes={}); training continues without diagnostics", callback, probes, lastProbeUpdate, steps,
                    episodes, e);
            return onFailure;
        }
    }

    private static double[] flatten(INDArray a) {
        return a.castTo(DataType.DOUBLE).ravel().toDoubleVector();
    }

    @Override
    public String toString() {
        return "NtkDiagnostics{period=" + period + ", probeSize=" + probeSize + ", probes=" + probes
                + ", disabled=" + disabled + ", stopOn=" + stopOn + "}";
    }

    /**
     * Validated configuration of {@link NtkDiagnostics}; {@link #build()} checks every field and names the offending
     * one, its allowed range and the value received.
     *
     * <p>Stability: experimental. @since 0.1
     */
    public static final class Builder {
        private int period = DEFAULT_PERIOD;
        private int probeSize = DEFAULT_PROBE_SIZE;
        private int reservoirCapacity = 10_000;
        private int historyCapacity = 1_000;
        private int consecutive = 3;
        private FindingRules rules = FindingRules.live();
        private Set<FindingKind> stopOn = EnumSet.noneOf(FindingKind.class);
        private boolean rethrowErrors;
        private double dormantTau = 0.025;
        private long seed = 0x5EEDL;
        private Double gamma;
        private Double stepSize;
        private MultiLayerNetwork network;
        private final List<ProbeSink> sinks = new ArrayList<>();
        private Duration logInterval = Duration.ofSeconds(30);
        private LongSupplier clock = System::nanoTime;
        private Logger logger = log;
        private final List<Path> csv = new ArrayList<>();
        private final List<Path> jsonLines = new ArrayList<>();

        private Builder() {
        }

        /** Updates between probes, >= 1 (default {@value NtkDiagnostics#DEFAULT_PERIOD}). */
        public Builder period(int updates) {
            this.period = updates;
            return this;
        }

        /** Transitions per probe, in [2, 4096] (default 256); fewer when fewer were experienced. */
        public Builder probeSize(int pairs) {
            this.probeSize = pairs;
            return this;
        }

        /** Builder pipeline: transitions kept in the reservoir, >= probeSize (default 10000). */
        public Builder reservoirCapacity(int transitions) {
            this.reservoirCapacity = transitions;
            return this;
        }

        /** Probe records kept by {@link NtkDiagnostics#history()}, >= 0 (default 1000; 0 keeps none). */
        public Builder historyCapacity(int records) {
            this.historyCapacity = records;
            return this;
        }

        /** Consecutive probes a finding must hold before it becomes active, >= 1 (default 3); NON_FINITE ignores it. */
        public Builder consecutiveProbes(int k) {
            this.consecutive = k;
            return this;
        }

        /** Thresholds of the findings (default {@link FindingRules#live()}). */
        public Builder rules(FindingRules rules) {
            this.rules = rules;
            return this;
        }

        /** Findings that end training when they become active (default none). */
        public Builder stopOn(FindingKind... kinds) {
            this.stopOn = kinds.length == 0 ? EnumSet.noneOf(FindingKind.class) : EnumSet.copyOf(Arrays.asList(kinds));
            return this;
        }

        /** Rethrow internal exceptions instead of logging them and disabling the listener (default false). */
        public Builder rethrowErrors(boolean rethrow) {
            this.rethrowErrors = rethrow;
            return this;
        }

        /** Dormant-unit threshold tau on the normalised unit score, in [0, 1] (default 0.025). */
        public Builder dormantThreshold(double tau) {
            this.dormantTau = tau;
            return this;
        }

        /** Seed of the listener's own generator (probe sampling and reservoir); default 0x5EED. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Discount in [0, 1), for learners it cannot be read from. */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /** Effective step size alpha > 0, overriding every other source ({@link AlphaSource#USER}). */
        public Builder stepSize(double alpha) {
            this.stepSize = alpha;
            return this;
        }

        /** The Q-network, for learners it cannot be found on (e.g. a ComputationGraph wrapper around an MLN). */
        public Builder network(MultiLayerNetwork net) {
            this.network = net;
            return this;
        }

        /** Adds a sink; it is closed by {@link NtkDiagnostics#close()}. */
        public Builder sink(ProbeSink sink) {
            this.sinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Also write a CSV file ({@link CsvProbeSink}), created at {@link #build()}. */
        public Builder csv(Path file) {
            this.csv.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Also write a JSON Lines file ({@link JsonLinesProbeSink}), created at {@link #build()}. */
        public Builder jsonLines(Path file) {
            this.jsonLines.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Minimum time between two INFO log lines, >= 0 (default 30 s); warnings on state changes are not limited. */
        public Builder logInterval(Duration interval) {
            this.logInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** For tests: the clock of the log rate limit (nanoseconds). */
        Builder clock(LongSupplier clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** For tests: the logger of the SLF4J output. */
        Builder logger(Logger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field, its range and the value received
         */
        public NtkDiagnostics build() {
            requireInt("period", period, 1, Integer.MAX_VALUE);
            requireInt("probeSize", probeSize, 2, 4096);
            requireInt("reservoirCapacity", reservoirCapacity, probeSize, Integer.MAX_VALUE);
            requireInt("historyCapacity", historyCapacity, 0, Integer.MAX_VALUE);
            requireInt("consecutiveProbes", consecutive, 1, Integer.MAX_VALUE);
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(stopOn, "stopOn");
            if (!(dormantTau >= 0 && dormantTau <= 1)) {
                throw new IllegalArgumentException("dormantThreshold must be in [0, 1], got " + dormantTau);
            }
            if (gamma != null && !(gamma >= 0.0 && gamma < 1.0)) {
                throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
            }
            if (stepSize != null && !(stepSize > 0 && Double.isFinite(stepSize))) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
            if (logInterval.isNegative()) {
                throw new IllegalArgumentException("logInterval must be >= 0, got " + logInterval);
            }
            csv.forEach(p -> sinks.add(new CsvProbeSink(p)));
            jsonLines.forEach(p -> sinks.add(new JsonLinesProbeSink(p)));
            csv.clear();
            jsonLines.clear();
            return new NtkDiagnostics(this);
        }

        private static void requireInt(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
            }
        }
    }
}
