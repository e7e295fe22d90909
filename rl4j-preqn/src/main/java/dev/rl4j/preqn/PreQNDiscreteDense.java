package dev.rl4j.preqn;

import dev.rl4j.diagnostics.StepSizeProvider;
import org.deeplearning4j.rl4j.agent.learning.behavior.ILearningBehavior;
import org.deeplearning4j.rl4j.agent.learning.behavior.LearningBehavior;
import org.deeplearning4j.rl4j.agent.learning.update.UpdateRule;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.network.dqn.DQNFactory;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.network.dqn.IDQN;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.Encodable;
import org.deeplearning4j.rl4j.util.DataManagerTrainingListener;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drop-in replacement for RL4J's {@code QLearningDiscreteDense} that learns with PreQN (docs/math.md#preqn): change
 * the class name, keep the MDP, network and {@link QLearningConfiguration}. Everything else is RL4J's
 * {@link QLearningDiscrete}: epsilon-greedy with {@code epsilonNbStep}, the replay memory, listeners, {@code train()},
 * {@code getPolicy()} (save and load it as usual).
 *
 * <p>From the RL4J configuration PreQN uses gamma, batch size, replay size, seed and, only when
 * {@link PreQNConfiguration#targetNetwork()} is on, {@code targetDqnUpdateFreq}. RL4J's {@code errorClamp} is not
 * applied to PreQN's delta unless {@link PreQNConfiguration#inheritRl4jErrorClamp()} (logged once when it is set and
 * ignored); PreQN's own clamp is {@link PreQNConfiguration#tdErrorClamp()}, off by default. The network's updater and
 * learning rate are not used: steps are applied directly ({@link PreQNUpdateAlgorithm}). {@code doubleDQN} in the
 * RL4J configuration is ignored (logged once); use {@link PreQNConfiguration#doubleQ()}. No loss is fitted, so the
 * score in RL4J's epoch statistics stays at the network's last score (0 for a fresh network); read the telemetry
 * instead ({@link #updateAlgorithm()}).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param <O> observation type
 */
public class PreQNDiscreteDense<O extends Encodable> extends QLearningDiscrete<O> implements StepSizeProvider {

    private static final Logger log = LoggerFactory.getLogger(PreQNDiscreteDense.class);

    private final PreQNUpdateAlgorithm algorithm;

    /** As {@code QLearningDiscreteDense(mdp, dqn, conf)}, with {@link PreQNConfiguration#defaults()}. */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearningConfiguration conf) {
        this(mdp, dqn, conf, PreQNConfiguration.defaults());
    }

    /** As {@code QLearningDiscreteDense(mdp, factory, conf)}, with {@link PreQNConfiguration#defaults()}. */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearningConfiguration conf) {
        this(mdp, factory, conf, PreQNConfiguration.defaults());
    }

    /** As {@code QLearningDiscreteDense(mdp, netConf, conf)}, with {@link PreQNConfiguration#defaults()}. */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNDenseNetworkConfiguration netConf,
            QLearningConfiguration conf) {
        this(mdp, netConf, conf, PreQNConfiguration.defaults());
    }

    // ---- Deprecated RL4J configuration (QLearning.QLConfiguration, DQNFactoryStdDense.Configuration, IDataManager),
    // ---- as in RL4J's own examples: each mirrors the QLearningDiscreteDense constructor of the same parameters and
    // ---- converts the configuration exactly as RL4J does (toLearningConfiguration / toNetworkConfiguration).

    /** As the deprecated {@code QLearningDiscreteDense(mdp, dqn, qlConf, dataManager)}, PreQN defaults. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearning.QLConfiguration conf,
            IDataManager dataManager) {
        this(mdp, dqn, conf, dataManager, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, dqn, qlConf, dataManager)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearning.QLConfiguration conf,
            IDataManager dataManager, PreQNConfiguration preqn) {
        this(mdp, dqn, conf, preqn);
        addListener(new DataManagerTrainingListener(dataManager));
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, dqn, qlConf)}, PreQN defaults. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearning.QLConfiguration conf) {
        this(mdp, dqn, conf, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, dqn, qlConf)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearning.QLConfiguration conf,
            PreQNConfiguration preqn) {
        this(mdp, dqn, conf.toLearningConfiguration(), preqn);
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, factory, qlConf, dataManager)}, PreQN defaults. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearning.QLConfiguration conf,
            IDataManager dataManager) {
        this(mdp, factory, conf, dataManager, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, factory, qlConf, dataManager)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearning.QLConfiguration conf,
            IDataManager dataManager, PreQNConfiguration preqn) {
        this(mdp, buildDqn(mdp, factory), conf, dataManager, preqn);
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, factory, qlConf)}, PreQN defaults. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearning.QLConfiguration conf) {
        this(mdp, factory, conf, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, factory, qlConf)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearning.QLConfiguration conf,
            PreQNConfiguration preqn) {
        this(mdp, buildDqn(mdp, factory), conf, preqn);
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, netConf, qlConf, dataManager)}, PreQN defaults. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactoryStdDense.Configuration netConf,
            QLearning.QLConfiguration conf, IDataManager dataManager) {
        this(mdp, netConf, conf, dataManager, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, netConf, qlConf, dataManager)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactoryStdDense.Configuration netConf,
            QLearning.QLConfiguration conf, IDataManager dataManager, PreQNConfiguration preqn) {
        this(mdp, new DQNFactoryStdDense(netConf.toNetworkConfiguration()), conf, dataManager, preqn);
    }

    /**
     * As the deprecated {@code QLearningDiscreteDense(mdp, netConf, qlConf)} of RL4J's examples
     * ({@code DQNCartpole}): the one-line swap for code written against the deprecated configuration. PreQN defaults.
     */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactoryStdDense.Configuration netConf,
            QLearning.QLConfiguration conf) {
        this(mdp, netConf, conf, PreQNConfiguration.defaults());
    }

    /** As the deprecated {@code QLearningDiscreteDense(mdp, netConf, qlConf)}, with PreQN settings. */
    @Deprecated
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactoryStdDense.Configuration netConf,
            QLearning.QLConfiguration conf, PreQNConfiguration preqn) {
        this(mdp, new DQNFactoryStdDense(netConf.toNetworkConfiguration()), conf, preqn);
    }

    // ---- Current RL4J configuration (QLearningConfiguration, DQNDenseNetworkConfiguration).

    /** Builds the network with {@code factory} for the MDP's observation and action spaces. */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNFactory factory, QLearningConfiguration conf,
            PreQNConfiguration preqn) {
        this(mdp, buildDqn(mdp, factory), conf, preqn);
    }

    /** Builds a dense network ({@code DQNFactoryStdDense}) from {@code netConf}. */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, DQNDenseNetworkConfiguration netConf,
            QLearningConfiguration conf, PreQNConfiguration preqn) {
        this(mdp, new DQNFactoryStdDense(netConf), conf, preqn);
    }

    /**
     * The constructor every other one funnels into.
     *
     * @param dqn   legacy DQN backed by a MultiLayerNetwork with one identity output per action
     * @param preqn PreQN hyper-parameters, never null
     */
    public PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearningConfiguration conf,
            PreQNConfiguration preqn) {
        this(mdp, dqn, conf, Parts.create(dqn, conf, preqn,
                Nd4j.getRandomFactory().getNewRandomInstance(conf.getSeed())));
    }

    private PreQNDiscreteDense(MDP<O, Integer, DiscreteSpace> mdp, IDQN dqn, QLearningConfiguration conf,
            Parts parts) {
        super(mdp, dqn, conf, conf.getEpsilonNbStep(), parts.behavior(), parts.random());
        this.algorithm = parts.algorithm();
    }

    private static IDQN buildDqn(MDP<?, Integer, DiscreteSpace> mdp, DQNFactory factory) {
        return factory.buildDQN(mdp.getObservationSpace().getShape(), mdp.getActionSpace().getSize());
    }

    /** The PreQN update in use: telemetry ({@code lastUpdate()}) and counters. */
    public PreQNUpdateAlgorithm updateAlgorithm() {
        return algorithm;
    }

    /** The configured alpha. */
    @Override
    public double stepSize() {
        return algorithm.stepSize();
    }

    /** PreQN preconditions with (K + damping * max(mean(diag K), 0) I)^{-1} ({@code DampedKernel}): the diagnostics judge that kernel. */
    @Override
    public double preconditionerDamping() {
        return algorithm.configuration().damping();
    }

    /** What QLearningDiscrete's private buildLearningBehavior builds, with PreQN in place of DQN + fit. */
    private record Parts(ILearningBehavior<Integer> behavior, PreQNUpdateAlgorithm algorithm, Random random) {

        @SuppressWarnings({"rawtypes", "unchecked"})
        static Parts create(IDQN dqn, QLearningConfiguration conf, PreQNConfiguration preqn, Random random) {
            java.util.Objects.requireNonNull(preqn, "preqn");
            if (conf.isDoubleDQN() && !preqn.doubleQ()) {
                log.info("QLearningConfiguration.doubleDQN=true is ignored by PreQN; set PreQNConfiguration.doubleQ "
                        + "(with targetNetwork) to use double-Q targets");
            }
            if (!Double.isNaN(conf.getErrorClamp()) && !preqn.inheritRl4jErrorClamp()) {
                log.info("QLearningConfiguration.errorClamp={} is not applied to PreQN's TD errors (PreQN clamp: {}); "
                        + "call PreQNConfiguration.builder().inheritRl4jErrorClamp() to apply it", conf.getErrorClamp(),
                        preqn.tdErrorClamp() == PreQNConfiguration.TD_CLAMP_OFF ? "off" : preqn.tdErrorClamp());
            }
            IDQN target = preqn.targetNetwork() ? (IDQN) dqn.clone() : null;
            PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(dqn, target, preqn, conf.getGamma(),
                    conf.getErrorClamp());
            TargetSync sync = new TargetSync(dqn, target, conf.getTargetDqnUpdateFreq());
            UpdateRule<PreQNUpdate, StateActionRewardState<Integer>> rule = new UpdateRule<>(algorithm, sync);
            ReplayMemoryExperienceHandler.Configuration replay = ReplayMemoryExperienceHandler.Configuration.builder()
                    .maxReplayMemorySize(conf.getExpRepMaxSize())
                    .batchSize(conf.getBatchSize())
                    .build();
            ILearningBehavior<Integer> behavior = LearningBehavior.<Integer, StateActionRewardState<Integer>>builder()
                    .experienceHandler(new ReplayMemoryExperienceHandler(replay, random))
                    .updateRule(rule)
                    .build();
            return new Parts(behavior, algorithm, random);
        }
    }
}
