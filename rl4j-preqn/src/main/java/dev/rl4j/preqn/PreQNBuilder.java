package dev.rl4j.preqn;

import dev.rl4j.diagnostics.StepSizeProvider;
import java.util.Objects;
import org.apache.commons.lang3.builder.Builder;
import org.deeplearning4j.rl4j.agent.learning.algorithm.IUpdateAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.INeuralNetUpdater;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.builder.BaseAgentLearnerBuilder;
import org.deeplearning4j.rl4j.builder.BaseDQNAgentLearnerBuilder;
import org.deeplearning4j.rl4j.environment.Environment;
import org.deeplearning4j.rl4j.environment.IActionSchema;
import org.deeplearning4j.rl4j.experience.ExperienceHandler;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.ITrainableNeuralNet;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.policy.INeuralNetPolicy;
import org.deeplearning4j.rl4j.policy.IPolicy;
import org.nd4j.linalg.api.rng.Random;

/**
 * Drop-in replacement for RL4J's {@code StandardDQNBuilder} / {@code DoubleDQNBuilder} that learns with PreQN
 * (docs/math.md#preqn): same arguments (their {@code Configuration}, network, environment and transform builders,
 * random), same epsilon-greedy policy and replay memory. The update rule is RL4J's {@code UpdateRule} composed of
 * {@link PreQNUpdateAlgorithm} and a target synchroniser; the network's updater is never used.
 *
 * <p>From the RL4J configuration PreQN uses {@code updateAlgorithmConfiguration} (gamma, RL4J default 0.99 when
 * null; its errorClamp only with {@link PreQNConfiguration#inheritRl4jErrorClamp()}, otherwise PreQN clamps with
 * {@link PreQNConfiguration#tdErrorClamp()}, off by default) and, only with {@link PreQNConfiguration#targetNetwork()},
 * {@code neuralNetUpdaterConfiguration.targetUpdateFrequency} (RL4J's default, Integer.MAX_VALUE, never syncs).
 * Only synchronous training is supported, as for DQN.
 *
 * <p>Stability: experimental. @since 0.1
 */
public class PreQNBuilder
        extends BaseAgentLearnerBuilder<Integer, StateActionRewardState<Integer>, PreQNUpdate,
                BaseDQNAgentLearnerBuilder.Configuration>
        implements StepSizeProvider {

    private final Random rnd;
    private final PreQNConfiguration preqn;
    private PreQNUpdateAlgorithm algorithm;

    /** As {@code new DoubleDQNBuilder(...)} / {@code new StandardDQNBuilder(...)}, with PreQN defaults. */
    public PreQNBuilder(BaseDQNAgentLearnerBuilder.Configuration configuration, ITrainableNeuralNet neuralNet,
            Builder<Environment<Integer>> environmentBuilder, Builder<TransformProcess> transformProcessBuilder,
            Random rnd) {
        this(configuration, neuralNet, environmentBuilder, transformProcessBuilder, rnd, PreQNConfiguration.defaults());
    }

    /**
     * @param neuralNet a non-recurrent QNetwork (or legacy DQN) backed by a MultiLayerNetwork
     * @param preqn     PreQN hyper-parameters, never null
     */
    public PreQNBuilder(BaseDQNAgentLearnerBuilder.Configuration configuration, ITrainableNeuralNet neuralNet,
            Builder<Environment<Integer>> environmentBuilder, Builder<TransformProcess> transformProcessBuilder,
            Random rnd, PreQNConfiguration preqn) {
        super(configuration, neuralNet, environmentBuilder, transformProcessBuilder);
        if (neuralNet.isRecurrent()) {
            throw new IllegalArgumentException("neuralNet must not be recurrent for PreQN, got a recurrent network");
        }
        if (configuration.isAsynchronous()) {
            throw new IllegalArgumentException("configuration.asynchronous must be false for PreQN, got true");
        }
        this.rnd = rnd;
        this.preqn = Objects.requireNonNull(preqn, "preqn");
    }

    @Override
    protected IPolicy<Integer> buildPolicy() {
        INeuralNetPolicy<Integer> greedy = new DQNPolicy<Integer>(networks.getThreadCurrentNetwork());
        IActionSchema<Integer> actionSchema = getEnvironment().getSchema().getActionSchema();
        return new EpsGreedy<>(greedy, actionSchema, configuration.getPolicyConfiguration(), rnd);
    }

    @Override
    protected ExperienceHandler<Integer, StateActionRewardState<Integer>> buildExperienceHandler() {
        return new ReplayMemoryExperienceHandler(configuration.getExperienceHandlerConfiguration(), rnd);
    }

    @Override
    protected IUpdateAlgorithm<PreQNUpdate, StateActionRewardState<Integer>> buildUpdateAlgorithm() {
        BaseTransitionTDAlgorithm.Configuration td = configuration.getUpdateAlgorithmConfiguration() != null
                ? configuration.getUpdateAlgorithmConfiguration()
                : BaseTransitionTDAlgorithm.Configuration.builder().build();
        algorithm = PreQNUpdateAlgorithm.of(networks.getThreadCurrentNetwork(), networks.getTargetNetwork(), preqn,
                td.getGamma(), td.getErrorClamp());
        return algorithm;
    }

    @Override
    protected INeuralNetUpdater<PreQNUpdate> buildNeuralNetUpdater() {
        NeuralNetUpdaterConfiguration nn = configuration.getNeuralNetUpdaterConfiguration() != null
                ? configuration.getNeuralNetUpdaterConfiguration()
                : NeuralNetUpdaterConfiguration.builder().build();
        return new TargetSync(networks.getThreadCurrentNetwork(),
                preqn.targetNetwork() ? networks.getTargetNetwork() : null, nn.getTargetUpdateFrequency());
    }

    /** The PreQN update of the most recently built learner: telemetry and counters. */
    public PreQNUpdateAlgorithm updateAlgorithm() {
        if (algorithm == null) {
            throw new IllegalStateException("build() has not been called yet; no PreQN update exists");
        }
        return algorithm;
    }

    /** RL4J's target network (a clone of the online one; used only with targetNetwork). Tests only. */
    ITrainableNeuralNet targetNetwork() {
        return networks.getTargetNetwork();
    }

    /** The configured alpha. */
    @Override
    public double stepSize() {
        return preqn.alpha();
    }

    /** PreQN preconditions with (K + damping * max(mean(diag K), 0) I)^{-1} ({@code DampedKernel}): the diagnostics judge that kernel. */
    @Override
    public double preconditionerDamping() {
        return preqn.damping();
    }
}
