package dev.rl4j.lab.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.preqn.PreQNBuilder;
import dev.rl4j.testing.DoubleDqnConfigurations;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Baird's counterexample through both RL4J pipelines, with the diagnostics attached. */
class BairdPipelinesTest {

    @Test
    void legacyDqnOnBairdsFeaturesIsFlaggedAsOverGeneralisingAtEveryProbe() {
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.FLOAT);
        QLearningConfiguration conf = QLearningConfiguration.builder().seed(1L).maxEpochStep(50).maxStep(600)
                .batchSize(32).updateStart(0).targetDqnUpdateFreq(1).gamma(BairdCounterexample.GAMMA)
                .errorClamp(Double.NaN).epsilonNbStep(100).build();
        QLearningDiscreteDense<org.deeplearning4j.rl4j.space.Box> learner =
                new QLearningDiscreteDense<>(new BairdMdp(1), new DQN(net), conf);
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).seed(1).build();
        learner.addListener(diagnostics);

        learner.train();

        List<ProbeRecord> history = diagnostics.history();
        assertThat(history).hasSizeGreaterThanOrEqualTo(3);
        // every Baird pair shares feature x_8, so eq. 17 fails on the rows of every probe batch
        assertThat(history).allSatisfy(r -> {
            assertThat(r.measurement().kernel().fraction17()).isZero();
            assertThat(r.candidates()).extracting(f -> f.kind()).contains(FindingKind.OVER_GENERALIZATION);
        });
    }

    @Test
    void builderPipelinePreqnTrainsOnBairdsEnvironment() {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(2);
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.FLOAT);
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(50).seed(2).build();
        List<AgentListener<Integer>> listeners = List.of(diagnostics);
        DoubleDQNBuilder.Configuration conf =
                DoubleDqnConfigurations.builder(100, 1000, 32, 1, BairdCounterexample.GAMMA, Double.NaN, 50)
                        .agentLearnerListeners(listeners)
                        .build();
        PreQNBuilder builder = new PreQNBuilder(conf, QNetwork.builder().withNetwork(net).build(),
                () -> new BairdEnvironment(2, rnd),
                DoubleDqnConfigurations::arrayToINDArray, rnd);
        SyncTrainer<Integer> trainer = new SyncTrainer<>(builder, t -> t.getStepCount() >= 400);

        trainer.train();

        assertThat(trainer.getStepCount()).isGreaterThanOrEqualTo(400);
        assertThat(builder.updateAlgorithm().updates()).isGreaterThan(300);
        assertThat(net.params().isNaN().any() || net.params().isInfinite().any()).isFalse();
        assertThat(diagnostics.history()).isNotEmpty();
    }
}
