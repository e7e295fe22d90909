package com.example.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.preqn.PreQNBuilder;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.rl4j.agent.AgentLearner;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.observation.transform.operation.ArrayToINDArrayTransform;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** RL4J's builder pipeline as a user writes it, with PreQNBuilder in place of DoubleDQNBuilder. */
class PreQNPipelineTest {

    @Test
    void preqnBuilderTrainsCartpoleThroughSyncTrainerWithTheDiagnostics() {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(3);
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(32).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(32).nOut(32).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY)
                        .nIn(32).nOut(2).build())
                .build());
        mln.init();
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).seed(3).build();
        DoubleDQNBuilder.Configuration conf = DoubleDQNBuilder.Configuration.builder()
                .policyConfiguration(EpsGreedy.Configuration.builder().epsilonNbStep(1000).minEpsilon(0.1).build())
                .experienceHandlerConfiguration(ReplayMemoryExperienceHandler.Configuration.builder()
                        .maxReplayMemorySize(5000).batchSize(32).build())
                .neuralNetUpdaterConfiguration(NeuralNetUpdaterConfiguration.builder().targetUpdateFrequency(50).build())
                .updateAlgorithmConfiguration(BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.99)
                        .errorClamp(1.0).build())
                .agentLearnerConfiguration(AgentLearner.Configuration.builder().maxEpisodeSteps(200).build())
                .agentLearnerListeners(List.of(diagnostics))
                .build();

        // before: Builder<IAgentLearner<Integer>> builder = new DoubleDQNBuilder(conf, qNetwork, envBuilder, transform, rnd);
        PreQNBuilder builder = new PreQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(),
                () -> new CartpoleEnvironment(rnd),
                () -> TransformProcess.builder().transform("data", new ArrayToINDArrayTransform()).build("data"),
                rnd);
        SyncTrainer<Integer> trainer = new SyncTrainer<>(builder,
                diagnostics.orStopRequested(t -> t.getStepCount() >= 300));
        trainer.train();

        assertTrue(trainer.getStepCount() >= 300, "steps: " + trainer.getStepCount());
        assertTrue(builder.updateAlgorithm().updates() > 200, "updates: " + builder.updateAlgorithm().updates());
        assertEquals(0, mln.getIterationCount(), "PreQN steps the parameters itself; the network's updater never runs");
        assertFalse(diagnostics.history().isEmpty(), "the listener probed (period 50)");
        assertFalse(diagnostics.isDisabled());
    }
}
