package dev.rl4j.internals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.junit.jupiter.api.Test;

class Rl4jInternalsTest {

    @Test
    void readsGammaUpdateCountAndReplayOfALegacyLearnerWithoutTraining() {
        QLearningDiscreteDense<?> learner = new QLearningDiscreteDense<>(new CartpoleNative(1),
                DQNDenseNetworkConfiguration.builder().numLayers(1).numHiddenNodes(4).build(),
                QLearningConfiguration.builder().seed(1L).gamma(0.9).build());

        assertThat(Rl4jInternals.gamma(learner).orElseThrow()).isEqualTo(0.9);
        assertThat(Rl4jInternals.updateCount(learner).orElseThrow()).isZero();
        assertThat(Rl4jInternals.replayStorage(learner).orElseThrow()).isEmpty();
        assertThat(Rl4jInternals.updateAlgorithm(learner).isFound()).isTrue();
    }

    @Test
    void aMissingFieldNamesWhatWhereAndTheRemedy() {
        FieldLookup<Double> gamma = Rl4jInternals.gamma(new Object());

        assertThat(gamma.isFound()).isFalse();
        assertThat(gamma.orElse(0.5)).isEqualTo(0.5);
        assertThatThrownBy(() -> gamma.orElseThrow("set it with NtkDiagnostics.builder().gamma(...)"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gamma not found on Object (field learningBehavior.updateRule.updateAlgorithm.gamma of "
                        + "RL4J 1.0.0-M1.1: no field learningBehavior on Object); set it with "
                        + "NtkDiagnostics.builder().gamma(...)");
    }

    @Test
    void aFieldOfTheWrongTypeIsNotFound() {
        FieldLookup<?> net = Rl4jInternals.multiLayerNetwork(new Holder());

        assertThat(net.failure()).isEqualTo("MultiLayerNetwork not found on Holder (field networkHandler.model of "
                + "RL4J 1.0.0-M1.1: holds a String, not a MultiLayerNetwork)");
    }

    @Test
    void aNullOwnerIsNotFound() {
        assertThat(Rl4jInternals.agentObservation(null).failure())
                .isEqualTo("observation not found on null (field observation of RL4J 1.0.0-M1.1: null before observation)");
    }

    private static final class Holder {
        @SuppressWarnings("unused")
        private final Object networkHandler = new Object() {
            @SuppressWarnings("unused")
            private final String model = "not a network";
        };
    }
}
