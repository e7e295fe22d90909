package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.internals.Rl4jInternals;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.AgentLearner;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.observation.transform.operation.ArrayToINDArrayTransform;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class BuilderPipelineTest {

    private static final double LR = 0.01;

    @Test
    void inTheBuilderPipelineItFindsNetworkGammaAndSgdStepAndProbesItsOwnReservoir() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).probeSize(32).build();
        SyncTrainer<Integer> trainer = trainer(diagnostics, t -> t.getStepCount() >= 400);

        trainer.train();

        List<ProbeRecord> history = diagnostics.history();
        assertThat(history).isNotEmpty();
        ProbeMeasurement m = history.get(0).measurement();
        assertThat(diagnostics.isDisabled()).isFalse();
        assertThat(m.gamma()).isEqualTo(0.95);
        assertThat(m.stepSize().source()).isEqualTo(AlphaSource.SGD_LEARNING_RATE);
        assertThat(m.stepSize().alpha()).isEqualTo(2 * LR / 2); // 2 lr / nOut
        assertThat(m.pairs()).isEqualTo(32);
        assertThat(m.kernel().beta()).isFinite();
        assertThat(m.q().rMax()).isEqualTo(1.0);
    }

    @Test
    void inTheBuilderPipelineItReadsTheTargetSyncIntervalOfRl4jsUpdater() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).probeSize(16).build();
        SyncTrainer<Integer> trainer = trainer(diagnostics, t -> t.getStepCount() >= 100);

        trainer.train();

        assertThat(dev.rl4j.diagnostics.rl4j.LearnerDiscovery.targetSyncInterval(trainer.getAgentLearner()).orElseThrow())
                .isEqualTo(50); // DoubleDQNBuilder's targetUpdateFrequency: SELF_EXCITING is INFO for this learner
    }

    @Test
    void orStopRequestedEndsTheTrainingRunWhenAStopFindingIsActive() {
        // every row of a ReLU net's kernel fails eq. 17 when the bar is 100%: OVER_GENERALIZATION on the first probe
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(20).probeSize(16).consecutiveProbes(1)
                .rules(new FindingRules(1.0, 1e-6, 1e-9, 1.0, 0.05)).stopOn(FindingKind.OVER_GENERALIZATION).build();
        SyncTrainer<Integer> trainer = trainer(diagnostics, diagnostics.orStopRequested(t -> t.getStepCount() >= 5_000));

        trainer.train();

        assertThat(diagnostics.stopRequested()).isTrue();
        assertThat(trainer.getStepCount()).isLessThan(5_000);
        assertThat(diagnostics.history()).hasSize(1);
    }

    @Test
    @Timeout(120)
    void withoutTheWrappedPredicateAStopEndsOneEpisodeAndTrainingReachesItsOwnEnd() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(20).probeSize(16).consecutiveProbes(1)
                .rules(new FindingRules(1.0, 1e-6, 1e-9, 1.0, 0.05)).stopOn(FindingKind.OVER_GENERALIZATION).build();
        SyncTrainer<Integer> trainer = trainer(diagnostics, t -> t.getStepCount() >= 300);

        trainer.train();

        assertThat(diagnostics.stopRequested()).isTrue();
        assertThat(trainer.getStepCount()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void attachingTheListenerLeavesTheBuilderPipelineTrajectoryUnchanged() {
        SyncTrainer<Integer> plain = trainer(null, t -> t.getStepCount() >= 400);
        plain.train();
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(20).probeSize(32).build();
        SyncTrainer<Integer> observed = trainer(diagnostics, t -> t.getStepCount() >= 400);
        observed.train();

        assertThat(diagnostics.history()).hasSizeGreaterThan(3);
        assertThat(network(observed).params().toDoubleVector()).containsExactly(network(plain).params().toDoubleVector());
    }

    private static MultiLayerNetwork network(SyncTrainer<Integer> trainer) {
        Object policy = ((AgentLearner<Integer>) trainer.getAgentLearner()).getPolicy();
        return Rl4jInternals.multiLayerNetwork(((EpsGreedy<?>) policy).getNeuralNet()).orElseThrow();
    }

    private static SyncTrainer<Integer> trainer(NtkDiagnostics diagnostics,
            java.util.function.Predicate<SyncTrainer<Integer>> stop) {
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(11)
                .updater(new Sgd(LR)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(2)
                        .activation(Activation.IDENTITY).build())
                .build());
        mln.init();
        QNetwork network = QNetwork.builder().withNetwork(mln).build();
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(11);
        List<AgentListener<Integer>> listeners = diagnostics == null ? List.of() : List.of(diagnostics);
        DoubleDQNBuilder.Configuration conf = DoubleDQNBuilder.Configuration.builder()
                .agentLearnerConfiguration(AgentLearner.Configuration.builder().maxEpisodeSteps(100).build())
                .agentLearnerListeners(listeners)
                .policyConfiguration(EpsGreedy.Configuration.builder().epsilonNbStep(200).minEpsilon(0.1).build())
                .experienceHandlerConfiguration(ReplayMemoryExperienceHandler.Configuration.builder()
                        .maxReplayMemorySize(1000).batchSize(16).build())
                .neuralNetUpdaterConfiguration(NeuralNetUpdaterConfiguration.builder().targetUpdateFrequency(50).build())
                .updateAlgorithmConfiguration(BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.95).build())
                .build();
        DoubleDQNBuilder builder = new DoubleDQNBuilder(conf, network, () -> new CartpoleEnvironment(rnd),
                () -> TransformProcess.builder().transform("data", new ArrayToINDArrayTransform(1, 4)).build("data"), rnd);
        return new SyncTrainer<>(builder, stop);
    }
}
