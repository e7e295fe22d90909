package dev.rl4j.regression;

import java.util.List;
import org.apache.commons.lang3.builder.Builder;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.rl4j.agent.AgentLearner;
import org.deeplearning4j.rl4j.agent.IAgentLearner;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.observation.transform.operation.ArrayToINDArrayTransform;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.space.Box;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Small CartPole learners for both RL4J pipelines (no server needed). */
final class CartpoleFixtures {

    private CartpoleFixtures() {
    }

    static QLearningConfiguration configuration(long seed, int maxStep) {
        return QLearningConfiguration.builder()
                .seed(seed).maxEpochStep(200).maxStep(maxStep).expRepMaxSize(2000).batchSize(16)
                .targetDqnUpdateFreq(50).updateStart(10).gamma(0.99).errorClamp(1.0)
                .minEpsilon(0.1).epsilonNbStep(200).doubleDQN(false).build();
    }

    static DQNDenseNetworkConfiguration network() {
        return DQNDenseNetworkConfiguration.builder().updater(new Adam(1e-3)).numLayers(1).numHiddenNodes(16).build();
    }

    /** A legacy DQN on CartpoleNative seeded with {@code seed}, trained for {@code maxStep} steps. */
    static QLearningDiscreteDense<Box> legacy(long seed, int maxStep) {
        return new QLearningDiscreteDense<>(new CartpoleNative((int) seed), network(), configuration(seed, maxStep));
    }

    /** As {@link #legacy} on a CartPole whose every reward is NaN. */
    static QLearningDiscreteDense<Box> legacyWithNanRewards(long seed, int maxStep) {
        return new QLearningDiscreteDense<>(new NanRewardCartpole((int) seed), network(), configuration(seed, maxStep));
    }

    /** A double-DQN agent-learner builder on CartpoleEnvironment, everything seeded with {@code seed}. */
    static Builder<IAgentLearner<Integer>> builder(long seed) {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(16).nOut(2).build())
                .build());
        mln.init();
        DoubleDQNBuilder.Configuration conf = DoubleDQNBuilder.Configuration.builder()
                .policyConfiguration(EpsGreedy.Configuration.builder().epsilonNbStep(200).minEpsilon(0.1).build())
                .experienceHandlerConfiguration(ReplayMemoryExperienceHandler.Configuration.builder()
                        .maxReplayMemorySize(2000).batchSize(16).build())
                .neuralNetUpdaterConfiguration(NeuralNetUpdaterConfiguration.builder().targetUpdateFrequency(50).build())
                .updateAlgorithmConfiguration(BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.99)
                        .errorClamp(1.0).build())
                .agentLearnerConfiguration(AgentLearner.Configuration.builder().maxEpisodeSteps(200).build())
                .agentLearnerListeners(List.of())
                .build();
        return new DoubleDQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(), () -> new CartpoleEnvironment(rnd),
                () -> TransformProcess.builder().transform("data", new ArrayToINDArrayTransform()).build("data"), rnd);
    }

    /** CartPole whose rewards are all NaN: a learner trained on it produces non-finite values. */
    static final class NanRewardCartpole extends CartpoleNative {
        NanRewardCartpole(int seed) {
            super(seed);
        }

        @Override
        public StepReply<Box> step(Integer action) {
            StepReply<Box> r = super.step(action);
            return new StepReply<>(r.getObservation(), Double.NaN, r.isDone(), r.getInfo());
        }
    }
}
