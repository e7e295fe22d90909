package dev.rl4j.regression;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.NtkDiagnosticsBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.apache.commons.lang3.builder.Builder;
import org.deeplearning4j.rl4j.agent.IAgentLearner;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded regression check of your own RL4J learner on your own environment, for a JUnit test: it builds one learner
 * per seed with your factory, trains it, and checks expectations on the episode returns and on the NTK diagnostics'
 * findings.
 *
 * <pre>{@code
 * class CartpoleRegressionTest {
 *     static final DQNDenseNetworkConfiguration NET = DQNDenseNetworkConfiguration.builder().numLayers(2).numHiddenNodes(64).build();
 *
 *     @Test
 *     void dqnStillLearnsCartpole() {
 *         AgentRegression.legacy(seed -> new QLearningDiscreteDense<>(new CartpoleNative((int) seed), NET,
 *                         QLearningConfiguration.builder().seed(seed).maxEpochStep(200).maxStep(30_000).build()))
 *                 .seeds(1, 2, 3)
 *                 .expect("best_mean100 >= 150")                  // same syntax as `rl4j-lab regress --expect`
 *                 .expectNoFinding(FindingKind.SOFT_DIVERGENCE)   // attaches NtkDiagnostics to each run
 *                 .minPassing(2)
 *                 .timeLimit(Duration.ofMinutes(5))
 *                 .assertPasses();                                // AssertionError with the per-seed table
 *     }
 * }
 * }</pre>
 *
 * <p><b>Pipelines.</b> {@link #legacy}: any {@code QLearningDiscrete} (DQN, double DQN, PreQN's
 * {@code PreQNDiscreteDense}); it trains with {@code train()} until its own {@code maxStep}. {@link #builder}: any
 * {@code Builder<IAgentLearner<Integer>>} (RL4J's {@code DQNBuilder}/{@code DoubleDQNBuilder}, PreQN's
 * {@code PreQNBuilder}); it trains through RL4J's {@code SyncTrainer} until {@code stepBudget} steps, the diagnostics
 * attached as an {@code AgentListener}. The factory is called once per seed and must seed everything (environment,
 * network, exploration) from that seed.
 *
 * <p><b>Per seed</b> it records each finished episode's return (legacy: {@code StatEntry.getReward()} of
 * {@code onEpochTrainingResult}; builder: the rewards of {@code onAfterStep} summed up to {@code onAfterEpisode}), then
 * fails the seed, with the reason, when the factory or training threw, the {@link #timeLimit time limit} was reached,
 * a return or the network's parameters (legacy) or Q-values (builder) are NaN or infinite, a
 * {@link #expectNoFinding forbidden finding} became active (the run is stopped there) or an {@link #expect
 * expectation} does not hold. Nothing is thrown for a failing seed; {@link #run()} reports it.
 *
 * <p><b>Time limit.</b> The run is stopped through a listener STOP (and, builder, the trainer's stopping condition).
 * The legacy pipeline calls listeners only between episodes, so there it takes effect at the next episode end.
 *
 * <p>Not thread-safe; runs seeds one after the other on the calling thread. Stability: experimental. @since 0.1
 */
public final class AgentRegression {

    private static final Logger log = LoggerFactory.getLogger(AgentRegression.class);

    /**
     * Makes the learner (or the builder of the agent-learner) for one seed; may throw, which fails that seed only.
     *
     * @param <T> what is made
     */
    @FunctionalInterface
    public interface Factory<T> {
        /** The learner for this seed. */
        T create(long seed) throws Exception;
    }

    private final Factory<? extends QLearningDiscrete<?>> legacyFactory;
    private final Factory<? extends Builder<IAgentLearner<Integer>>> builderFactory;
    private final long stepBudget;
    private long[] seeds;
    private final List<Expectation> expectations = new ArrayList<>();
    private final Set<FindingKind> forbidden = EnumSet.noneOf(FindingKind.class);
    private LongFunction<NtkDiagnosticsBuilder> diagnostics;
    private Integer minPassing;
    private Duration timeLimit;

    private AgentRegression(Factory<? extends QLearningDiscrete<?>> legacyFactory,
            Factory<? extends Builder<IAgentLearner<Integer>>> builderFactory, long stepBudget) {
        this.legacyFactory = legacyFactory;
        this.builderFactory = builderFactory;
        this.stepBudget = stepBudget;
    }

    /**
     * A regression of a legacy-pipeline learner, trained with {@code train()} until its configured {@code maxStep}.
     *
     * @param factory seed to learner, e.g. {@code seed -> new QLearningDiscreteDense<>(mdp(seed), net, conf(seed))}
     */
    public static AgentRegression legacy(Factory<? extends QLearningDiscrete<?>> factory) {
        return new AgentRegression(Objects.requireNonNull(factory, "factory"), null, 0);
    }

    /**
     * A regression of a builder-pipeline agent-learner, trained through RL4J's {@code SyncTrainer}.
     *
     * @param factory    seed to the builder of the agent-learner, e.g. {@code seed -> new DoubleDQNBuilder(...)}; the
     *                   built learner must be an {@code org.deeplearning4j.rl4j.agent.Agent} (RL4J's are)
     * @param stepBudget environment steps per seed, in [1, 2147483647]
     */
    public static AgentRegression builder(Factory<? extends Builder<IAgentLearner<Integer>>> factory, long stepBudget) {
        Objects.requireNonNull(factory, "factory");
        if (stepBudget < 1 || stepBudget > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stepBudget must be in [1, " + Integer.MAX_VALUE + "], got " + stepBudget);
        }
        return new AgentRegression(null, factory, stepBudget);
    }

    /** The seeds to run, in order: non-empty and distinct; replaces earlier seeds. */
    public AgentRegression seeds(long... seeds) {
        Objects.requireNonNull(seeds, "seeds");
        if (seeds.length == 0) {
            throw new IllegalArgumentException("seeds must not be empty, got []");
        }
        Set<Long> seen = new HashSet<>();
        for (long s : seeds) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("seeds must be distinct, got " + Arrays.toString(seeds) + " (" + s
                        + " twice)");
            }
        }
        if (minPassing != null && minPassing > seeds.length) {
            throw new IllegalArgumentException("minPassing must be in [1, " + seeds.length + "] (the number of seeds), got "
                    + minPassing);
        }
        this.seeds = seeds.clone();
        return this;
    }

    /** Adds an expectation every passing seed must meet, parsed like {@link Expectation#parse}: {@code mean100>=150}. */
    public AgentRegression expect(String expectation) {
        return expect(Expectation.parse(expectation));
    }

    /** Adds an expectation every passing seed must meet. */
    public AgentRegression expect(Expectation expectation) {
        expectations.add(Objects.requireNonNull(expectation, "expectation"));
        return this;
    }

    /**
     * Fails a seed when one of these findings becomes active, and stops its run there. Attaches {@link NtkDiagnostics}
     * to every run: {@link #diagnostics(LongFunction) as configured}, else with its defaults and the seed.
     */
    public AgentRegression expectNoFinding(FindingKind... kinds) {
        Objects.requireNonNull(kinds, "kinds");
        if (kinds.length == 0) {
            throw new IllegalArgumentException("expectNoFinding needs at least one FindingKind, got none");
        }
        for (FindingKind k : kinds) {
            forbidden.add(Objects.requireNonNull(k, "kinds contains null"));
        }
        return this;
    }

    /**
     * Attaches {@link NtkDiagnostics} to every run, configured per seed (period, probe size, rules, CSV files...).
     * Every active finding is then reported in {@link SeedResult#firstUpdate()}; NON_FINITE fails the seed.
     *
     * @param configuration seed to a fresh diagnostics builder, e.g.
     *                      {@code seed -> NtkDiagnostics.builder().period(500).seed(seed)}
     */
    public AgentRegression diagnostics(LongFunction<NtkDiagnosticsBuilder> configuration) {
        this.diagnostics = Objects.requireNonNull(configuration, "configuration");
        return this;
    }

    /** Seeds that must pass, in [1, number of seeds]; default: all seeds. */
    public AgentRegression minPassing(int seedsThatMustPass) {
        int upper = seeds == null ? Integer.MAX_VALUE : seeds.length;
        if (seedsThatMustPass < 1 || seedsThatMustPass > upper) {
            throw new IllegalArgumentException("minPassing must be in [1, " + upper + "]"
                    + (seeds == null ? "" : " (the number of seeds)") + ", got " + seedsThatMustPass);
        }
        this.minPassing = seedsThatMustPass;
        return this;
    }

    /** Wall-time limit per seed, > 0; a seed that reaches it is stopped and fails with "time limit". Default: none. */
    public AgentRegression timeLimit(Duration limit) {
        Objects.requireNonNull(limit, "timeLimit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be > 0, got " + limit);
        }
        this.timeLimit = limit;
        return this;
    }

    /**
     * Runs every seed, one after the other, and returns the results; throws nothing for a failing seed.
     *
     * @throws IllegalStateException when no seeds were set
     */
    public RegressionResult run() {
        if (seeds == null) {
            throw new IllegalStateException("seeds must be set before run(), e.g. seeds(1, 2, 3)");
        }
        int required = minPassing == null ? seeds.length : minPassing;
        LongFunction<NtkDiagnosticsBuilder> diag = diagnostics != null ? diagnostics
                : forbidden.isEmpty() ? null : seed -> NtkDiagnostics.builder().seed(seed);
        SeedRun.Checks checks = new SeedRun.Checks(List.copyOf(expectations), EnumSet.copyOf(forbidden), diag,
                timeLimit);
        List<SeedResult> results = new ArrayList<>();
        for (long seed : seeds) {
            SeedResult r = legacyFactory != null ? SeedRun.legacy(seed, legacyFactory, checks)
                    : SeedRun.builder(seed, builderFactory, stepBudget, checks);
            log.info("AgentRegression seed {}: {} episodes, {} steps, mean100 {}, best_mean100 {}, {}", seed,
                    r.episodes(), r.steps(), SeedRun.format(r.mean100()), SeedRun.format(r.bestMean100()),
                    r.passed() ? "passed" : "FAILED: " + r.reason());
            results.add(r);
        }
        return new RegressionResult(results, required, conditions());
    }

    /**
     * Runs every seed and throws when fewer than {@code minPassing} passed.
     *
     * @return the results, when enough seeds passed
     * @throws AssertionError whose message is the verdict and the per-seed table
     */
    public RegressionResult assertPasses() {
        RegressionResult result = run();
        if (!result.success()) {
            throw new AssertionError(result.summary());
        }
        return result;
    }

    private String conditions() {
        List<String> parts = new ArrayList<>();
        expectations.forEach(e -> parts.add(e.toString()));
        forbidden.forEach(k -> parts.add("no " + k));
        if (timeLimit != null) {
            parts.add("time limit " + timeLimit);
        }
        parts.add(legacyFactory != null ? "legacy pipeline" : "builder pipeline, " + stepBudget + " steps");
        return parts.stream().collect(Collectors.joining(", "));
    }
}
