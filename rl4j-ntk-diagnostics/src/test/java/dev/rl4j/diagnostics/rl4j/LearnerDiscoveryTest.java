package dev.rl4j.diagnostics.rl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.diagnostics.BootstrapSource;
import dev.rl4j.diagnostics.StepSizeProvider;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.space.Box;
import org.junit.jupiter.api.Test;

class LearnerDiscoveryTest {

    private static QLearningConfiguration conf() {
        return QLearningConfiguration.builder().seed(1L).gamma(0.9).build();
    }

    private static DQNDenseNetworkConfiguration net() {
        return DQNDenseNetworkConfiguration.builder().numLayers(1).numHiddenNodes(4).build();
    }

    @Test
    void findsNetworkGammaAndUpdateCountOfALegacyLearner() {
        QLearningDiscreteDense<Box> learner = new QLearningDiscreteDense<>(new CartpoleNative(1), net(), conf());

        MultiLayerNetwork network = LearnerDiscovery.legacyNetwork(learner).orElseThrow();
        assertThat(network).isSameAs(learner.getQNetwork().getNeuralNetworks()[0]);
        assertThat(LearnerDiscovery.legacyGamma(learner).orElseThrow()).isEqualTo(0.9);
        assertThat(LearnerDiscovery.updateCount(learner, network)).isZero();
        assertThat(LearnerDiscovery.stepSizeProvider(learner)).isEmpty();
    }

    @Test
    void readsTheTargetSyncIntervalOfRl4jsUpdaterOrABootstrapSource() {
        for (int freq : new int[] {1, 100}) {
            QLearningDiscreteDense<Box> learner = new QLearningDiscreteDense<>(new CartpoleNative(1), net(),
                    QLearningConfiguration.builder().seed(1L).targetDqnUpdateFreq(freq).build());
            assertThat(LearnerDiscovery.targetSyncInterval(learner).orElseThrow()).isEqualTo(freq);
        }
        BootstrapSource online = () -> 1;
        assertThat(LearnerDiscovery.targetSyncInterval(online).orElseThrow()).isEqualTo(1);
        assertThat(LearnerDiscovery.targetSyncInterval("a learner").isFound()).isFalse();
    }

    @Test
    void aLearnerImplementingTheSpiIsItsOwnStepSizeProvider() {
        ProvidingLearner learner = new ProvidingLearner();

        assertThat(LearnerDiscovery.stepSizeProvider(learner)).containsSame(learner);
    }

    @Test
    void whatCannotBeFoundNamesTheBuilderMethod() {
        assertThatThrownBy(() -> LearnerDiscovery.legacyGamma("a learner").orElseThrow(LearnerDiscovery.REMEDY_GAMMA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gamma not found on String (QLearning.getConfiguration().getGamma()); "
                        + "set it with NtkDiagnostics.builder().gamma(...)");
        assertThatThrownBy(() -> LearnerDiscovery.legacyNetwork("a learner").orElseThrow(LearnerDiscovery.REMEDY_NETWORK))
                .hasMessageEndingWith("set it with NtkDiagnostics.builder().network(...)");
    }

    private static final class ProvidingLearner extends QLearningDiscreteDense<Box> implements StepSizeProvider {
        ProvidingLearner() {
            super(new CartpoleNative(1), net(), conf());
        }

        @Override
        public double stepSize() {
            return 0.5;
        }
    }
}
