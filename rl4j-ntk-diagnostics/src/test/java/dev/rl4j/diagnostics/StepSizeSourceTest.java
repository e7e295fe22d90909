package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeplearning4j.rl4j.space.Box;
import org.junit.jupiter.api.Test;

/** The priority order of {@link StepSize#resolve}: user > provider > SGD learning rate > measured > unknown. */
class StepSizeSourceTest {

    private static final int MAX_STEP = 200;
    private static final StepSizeProvider PROVIDER = () -> 0.5;
    private static final Supplier<OptionalDouble> SGD = () -> OptionalDouble.of(0.01);
    private static final Supplier<OptionalDouble> NOT_SGD = OptionalDouble::empty;
    private static final Supplier<UpdateMeter.Result> MEASURED = () -> new UpdateMeter.Result(0.03, 0.9);

    @Test
    void aUserStepSizeOverridesEveryOtherSource() {
        StepSize s = StepSize.resolve(0.25, PROVIDER, unasked(), unasked());

        assertThat(s.source()).isEqualTo(AlphaSource.USER);
        assertThat(s.alpha()).isEqualTo(0.25);
        assertThat(s.linearisationCos()).isNaN();
        assertThat(s.damping()).isNaN();
    }

    @Test
    void aProviderOverridesSgdAndMeasurement() {
        StepSize s = StepSize.resolve(null, PROVIDER, unasked(), unasked());

        assertThat(s.source()).isEqualTo(AlphaSource.PROVIDER);
        assertThat(s.alpha()).isEqualTo(0.5);
        assertThat(s.damping()).isNaN();
    }

    @Test
    void aProviderWithDampingIsPreconditioned() {
        StepSizeProvider preqn = new StepSizeProvider() {
            @Override
            public double stepSize() {
                return 0.4;
            }

            @Override
            public double preconditionerDamping() {
                return 1e-3;
            }
        };

        StepSize s = StepSize.resolve(null, preqn, unasked(), unasked());

        assertThat(s.source()).isEqualTo(AlphaSource.PRECONDITIONED);
        assertThat(s.alpha()).isEqualTo(0.4);
        assertThat(s.damping()).isEqualTo(1e-3);
    }

    @Test
    void plainSgdOverridesMeasurement() {
        StepSize s = StepSize.resolve(null, null, SGD, unasked());

        assertThat(s.source()).isEqualTo(AlphaSource.SGD_LEARNING_RATE);
        assertThat(s.alpha()).isEqualTo(0.01);
    }

    @Test
    void otherwiseTheMeasuredUpdateWithItsLinearisationCheck() {
        StepSize s = StepSize.resolve(null, null, NOT_SGD, MEASURED);

        assertThat(s.source()).isEqualTo(AlphaSource.MEASURED);
        assertThat(s.alpha()).isEqualTo(0.03);
        assertThat(s.linearisationCos()).isEqualTo(0.9);
    }

    @Test
    void anUnusableOrMissingMeasurementIsUnknown() {
        StepSize negative = StepSize.resolve(null, null, NOT_SGD, () -> new UpdateMeter.Result(-0.1, 0.2));
        StepSize none = StepSize.resolve(null, null, NOT_SGD, () -> null);

        assertThat(negative.source()).isEqualTo(AlphaSource.UNKNOWN);
        assertThat(negative.alpha()).isNaN();
        assertThat(negative.linearisationCos()).isEqualTo(0.2);
        assertThat(none.source()).isEqualTo(AlphaSource.UNKNOWN);
        assertThat(none.alpha()).isNaN();
        assertThat(none.linearisationCos()).isNaN();
    }

    /** The one integration check: a legacy learner implementing the SPI is found and read during training. */
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

    /** A lower-priority source that must not be consulted. */
    private static <T> Supplier<T> unasked() {
        return () -> {
            throw new AssertionError("a lower-priority step-size source was asked");
        };
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
