package dev.rl4j.testing;

import org.deeplearning4j.rl4j.agent.AgentLearner;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.observation.transform.operation.ArrayToINDArrayTransform;
import org.deeplearning4j.rl4j.policy.EpsGreedy;

/** Configurations of RL4J's builder pipeline ({@code DoubleDQNBuilder}, {@code PreQNBuilder}) for short runs. */
public final class DoubleDqnConfigurations {

    private DoubleDqnConfigurations() {
    }

    /**
     * A configuration builder: epsilon-greedy decaying to 0.1 over {@code epsilonNbStep} steps, a replay memory of
     * {@code replaySize} sampled {@code batchSize} at a time, the target network synchronised every
     * {@code targetUpdateFrequency} updates, discount {@code gamma}, TD errors clamped to {@code errorClamp} (NaN:
     * not clamped, RL4J's default) and episodes cut at {@code maxEpisodeSteps}. Listeners are the caller's to add.
     */
    public static DoubleDQNBuilder.Configuration.ConfigurationBuilder<?, ?> builder(int epsilonNbStep, int replaySize,
            int batchSize, int targetUpdateFrequency, double gamma, double errorClamp, int maxEpisodeSteps) {
        return DoubleDQNBuilder.Configuration.builder()
                .policyConfiguration(EpsGreedy.Configuration.builder().epsilonNbStep(epsilonNbStep).minEpsilon(0.1)
                        .build())
                .experienceHandlerConfiguration(ReplayMemoryExperienceHandler.Configuration.builder()
                        .maxReplayMemorySize(replaySize).batchSize(batchSize).build())
                .neuralNetUpdaterConfiguration(NeuralNetUpdaterConfiguration.builder()
                        .targetUpdateFrequency(targetUpdateFrequency).build())
                .updateAlgorithmConfiguration(BaseTransitionTDAlgorithm.Configuration.builder().gamma(gamma)
                        .errorClamp(errorClamp).build())
                .agentLearnerConfiguration(AgentLearner.Configuration.builder().maxEpisodeSteps(maxEpisodeSteps)
                        .build());
    }

    /** The observation transform of array environments (CartPole, Baird): the "data" channel as an INDArray. */
    public static TransformProcess arrayToINDArray() {
        return TransformProcess.builder().transform("data", new ArrayToINDArrayTransform()).build("data");
    }
}
