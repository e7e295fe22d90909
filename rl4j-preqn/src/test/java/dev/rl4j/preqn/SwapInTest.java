package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.rl4j.LearnerDiscovery;
import dev.rl4j.testing.ContinuingTrainingListener;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.DoubleDqnConfigurations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** Both swap-ins train CartPole for a few hundred steps through RL4J's own loops. */
class SwapInTest {

    static QLearningConfiguration legacyConfiguration(long seed, int maxStep) {
        return QLearningConfiguration.builder()
                .seed(seed).maxEpochStep(200).maxStep(maxStep).expRepMaxSize(5000).batchSize(32)
                .targetDqnUpdateFreq(50).updateStart(10).rewardFactor(0.1).gamma(0.99).errorClamp(1.0)
                .minEpsilon(0.1).epsilonNbStep(1000).doubleDQN(false).build();
    }

    static DQNDenseNetworkConfiguration legacyNetwork() {
        return DQNDenseNetworkConfiguration.builder().updater(new Adam(1e-3)).numLayers(2).numHiddenNodes(32).build();
    }

    /** The network behind the measured defaults: 4-64-64-2 ReLU. */
    static DQNDenseNetworkConfiguration legacyNetwork64() {
        return DQNDenseNetworkConfiguration.builder().updater(new Adam(1e-3)).numLayers(2).numHiddenNodes(64).build();
    }

    @Test
    void legacySwapInTrainsCartpoleAndNotifiesListeners() {
        PreQNDiscreteDense<Box> learner = new PreQNDiscreteDense<>(new CartpoleNative(1), legacyNetwork(),
                legacyConfiguration(1, 300));
        AtomicInteger episodes = new AtomicInteger();
        learner.addListener(new CountingListener(episodes));

        learner.train();

        assertThat(learner.getStepCount()).isGreaterThanOrEqualTo(300);
        assertThat(episodes.get()).isPositive();
        assertThat(learner.updateAlgorithm().updates()).isGreaterThan(200);
        assertThat(learner.updateAlgorithm().lastUpdate().batchSize()).isEqualTo(32);
        assertThat(learner.stepSize()).isEqualTo(PreQNConfiguration.defaults().alpha());
    }

    @Test
    void theDiagnosticsListenerLearnsWherePreQNsTargetsComeFrom() {
        PreQNDiscreteDense<Box> online = new PreQNDiscreteDense<>(new CartpoleNative(1), legacyNetwork(),
                legacyConfiguration(1, 100));
        PreQNDiscreteDense<Box> withTarget = new PreQNDiscreteDense<>(new CartpoleNative(1), legacyNetwork(),
                legacyConfiguration(1, 100), PreQNConfiguration.builder().targetNetwork(true).build());

        // no target network: SEEM describes PreQN's own update and SELF_EXCITING is a warning; RL4J's
        // targetDqnUpdateFreq (50 here) is not used by PreQN then
        assertThat(LearnerDiscovery.targetSyncInterval(online).orElseThrow()).isEqualTo(1);
        assertThat(LearnerDiscovery.targetSyncInterval(withTarget).orElseThrow()).isEqualTo(50);
    }

    @Test
    void legacyPolicySavesAndLoadsAsWithQLearningDiscreteDense(@TempDir Path dir) throws Exception {
        PreQNDiscreteDense<Box> learner = new PreQNDiscreteDense<>(new CartpoleNative(2), legacyNetwork(),
                legacyConfiguration(2, 100), PreQNConfiguration.builder().targetNetwork(true).build());
        learner.train();
        Path file = dir.resolve("policy.bin");

        learner.getPolicy().save(file.toString());
        DQNPolicy<Box> loaded = DQNPolicy.load(file.toString());

        INDArray probe = Nd4j.createFromArray(new float[][] {{0.01f, -0.02f, 0.03f, 0.04f}});
        assertThat(Files.size(file)).isPositive();
        assertThat(loaded.nextAction(new Observation(probe)))
                .isEqualTo(learner.getPolicy().nextAction(new Observation(probe)));
    }

    @Test
    void builderSwapInTrainsCartpoleThroughSyncTrainer() {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(3);
        MultiLayerNetwork mln = DenseNets.dense(3, DataType.FLOAT, Activation.RELU, 4, 2, 32, 32);
        AtomicInteger steps = new AtomicInteger();
        DoubleDQNBuilder.Configuration conf = DoubleDqnConfigurations.builder(1000, 5000, 32, 50, 0.99, 1.0, 200)
                .agentLearnerListeners(List.of(new StepCounter(steps)))
                .build();
        PreQNBuilder builder = new PreQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(),
                () -> new CartpoleEnvironment(rnd),
                DoubleDqnConfigurations::arrayToINDArray,
                rnd);

        SyncTrainer<Integer> trainer = new SyncTrainer<>(builder, t -> t.getStepCount() >= 300);
        trainer.train();

        assertThat(trainer.getStepCount()).isGreaterThanOrEqualTo(300);
        assertThat(steps.get()).isEqualTo(trainer.getStepCount());
        assertThat(builder.updateAlgorithm().updates()).isGreaterThan(200);
        assertThat(mln.getIterationCount()).isZero();   // the network's updater never ran
    }

    @Test
    void builderSwapInWithTargetNetworkAndDoubleQSynchronisesTheTargetAsRl4jDoes() {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(4);
        MultiLayerNetwork mln = DenseNets.dense(4, DataType.FLOAT, Activation.RELU, 4, 2, 16);
        DoubleDQNBuilder.Configuration conf =
                DoubleDqnConfigurations.builder(100, 1000, 16, 1, 0.99, Double.NaN, 200).build();
        PreQNBuilder builder = new PreQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(),
                () -> new CartpoleEnvironment(rnd),
                DoubleDqnConfigurations::arrayToINDArray,
                rnd, PreQNConfiguration.builder().targetNetwork(true).doubleQ(true).build());

        new SyncTrainer<>(builder, t -> t.getStepCount() >= 100).train();

        MultiLayerNetwork target = BoundNetwork.of(builder.targetNetwork()).mln();
        assertThat(target).isNotSameAs(mln);
        assertThat(builder.updateAlgorithm().updates()).isPositive();
        assertThat(target.params()).isEqualTo(mln.params());   // synchronised after every update (frequency 1)
    }

    private static final class CountingListener extends ContinuingTrainingListener {
        private final AtomicInteger episodes;

        CountingListener(AtomicInteger episodes) {
            this.episodes = episodes;
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            episodes.incrementAndGet();
            return ListenerResponse.CONTINUE;
        }
    }

    private record StepCounter(AtomicInteger steps) implements AgentListener<Integer> {
        @Override
        public ListenerResponse onBeforeEpisode(Agent agent) {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onBeforeStep(Agent agent, Observation observation, Integer action) {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onAfterStep(Agent agent, StepResult stepResult) {
            steps.incrementAndGet();
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onAfterEpisode(Agent agent) {
        }
    }
}
