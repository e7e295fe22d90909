package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.space.Box;
import org.junit.jupiter.api.Test;

class StepSizeSourceTest {

    private static final int MAX_STEP = 200;

    @Test
    void aLearnerImplementingStepSizeProviderSuppliesAlpha() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(10).probeSize(16).build();
        ProvidingLearner learner = new ProvidingLearner(LegacyRuns.smallConfig(3, MAX_STEP));
        learner.addListener(diagnostics);

        learner.train();

        ProbeMeasurement m = diagnostics.history().get(0).measurement();
        assertThat(m.stepSize().source()).isEqualTo(AlphaSource.PROVIDER);
        assertThat(m.stepSize().alpha()).isEqualTo(0.5);
    }

    @Test
    void aUserStepSizeOverridesEveryOtherSource() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(10).probeSize(16).stepSize(0.25).build();
        ProvidingLearner learner = new ProvidingLearner(LegacyRuns.smallConfig(3, MAX_STEP));
        learner.addListener(diagnostics);

        learner.train();

        ProbeMeasurement m = diagnostics.history().get(0).measurement();
        assertThat(m.stepSize().source()).isEqualTo(AlphaSource.USER);
        assertThat(m.stepSize().alpha()).isEqualTo(0.25);
    }

    /** Stands in for PreQNDiscreteDense: a QLearningDiscrete that knows its alpha. */
    private static final class ProvidingLearner extends QLearningDiscreteDense<Box> implements StepSizeProvider {
        ProvidingLearner(QLearningConfiguration conf) {
            super(new CartpoleNative(3), DQNDenseNetworkConfiguration.builder().numLayers(1).numHiddenNodes(8).build(),
                    conf);
        }

        @Override
        public double stepSize() {
            return 0.5;
        }
    }
}
