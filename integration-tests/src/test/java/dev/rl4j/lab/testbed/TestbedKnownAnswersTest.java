package dev.rl4j.lab.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class TestbedKnownAnswersTest {

    @Test
    void bairdExpectedTdDivergesToAboutFourHundredAfterAThousandSteps() { // docs/math.md#baird: |w| ~ 4e2
        double[] w = BairdCounterexample.initialWeights();
        for (int t = 0; t < 1000; t++) {
            w = BairdCounterexample.expectedTdStep(w, 0.01);
        }
        double norm = Math.sqrt(BairdCounterexample.dot(w, w));
        assertThat(norm).isCloseTo(436.856, within(0.01)); // numpy reference of the same recursion: 436.856
    }

    @Test
    void bairdKernelOfTheLinearNetworkIsPhiPhiTransposeWithConditionSeventeenFailingEverywhere() {
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.DOUBLE);
        INDArray states = Nd4j.create(BairdCounterexample.featureMatrix());
        int[] solid = new int[7];
        java.util.Arrays.fill(solid, BairdCounterexample.SOLID);
        double[][] k = EmpiricalNtk.of(net).gram(states, solid);
        double[][] next = new double[7][];
        for (int i = 0; i < 7; i++) {
            next[i] = BairdCounterexample.features(BairdCounterexample.LOWER);
        }
        double[][] kNext = EmpiricalNtk.of(net).cross(Nd4j.create(next), solid, states, solid);
        StabilityMetrics m = StabilityMetrics.of(k, kNext, BairdCounterexample.GAMMA, 0.01);
        assertThat(m.diagMin()).isEqualTo(5.0);
        assertThat(m.rowRatioMax()).isCloseTo(12.0 / 5.0 / 7.0, within(1e-12));
        assertThat(m.fraction17()).isZero();
        assertThat(m.seem() / 7).isCloseTo(0.2393, within(5e-5));
    }

    @Test
    void bairdSemiGradientQLearningWithoutTargetNetworkDivergesAndTheKernelFlagsItFromTheFirstProbe() {
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.DOUBLE);
        INDArray allStates = Nd4j.create(BairdCounterexample.featureMatrix());
        double start = Math.abs(net.output(allStates).maxNumber().doubleValue());
        SemiGradientQLearning learner = new SemiGradientQLearning(net, 0.05, BairdCounterexample.GAMMA);
        Random random = new Random(1);
        int budget = 2000;
        int diverged = -1;
        int flagged = -1;
        for (int t = 0; t < budget && diverged < 0; t++) {
            TransitionBatch batch = BairdCounterexample.sample(random, 32);
            if (t % 20 == 0 && flagged < 0) { // a probe every 20 updates, as a diagnostics listener would
                StabilityMetrics m = StabilityMetrics.of(
                        EmpiricalNtk.of(net).gram(batch.stateArray(DataType.DOUBLE), batch.actions()),
                        BairdCounterexample.GAMMA, 0.05);
                if (m.fraction17() == 0.0 && !m.isContraction()) {
                    flagged = t;
                }
            }
            learner.update(batch);
            if (Math.abs(net.output(allStates).maxNumber().doubleValue()) > 10 * start
                    || Math.abs(net.output(allStates).minNumber().doubleValue()) > 10 * start) {
                diverged = t;
            }
        }
        assertThat(diverged).as("update at which |Q| passed 10x its start").isBetween(0, budget - 1);
        assertThat(flagged).as("first flagged probe").isBetween(0, budget / 10);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.45, 0.55, 0.9})
    void twoStateDoublingDivergesExactlyWhenGammaExceedsOneHalfAndSeemAgrees(double gamma) {
        double w = 1.0;
        double alpha = 0.1;
        for (int t = 0; t < 200; t++) {
            double next = TwoStateDoubling.tdStep(w, alpha, gamma);
            assertThat(next / w).isCloseTo(TwoStateDoubling.tdFactor(alpha, gamma), within(1e-12));
            w = next;
        }
        boolean diverges = Math.abs(w) > 1.0;
        assertThat(diverges).isEqualTo(gamma > 0.5);

        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1).hasBias(false)
                        .activation(Activation.IDENTITY).build()).build());
        net.init();
        TransitionBatch b = TwoStateDoubling.batch();
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        double[][] k = ntk.gram(b.stateArray(DataType.DOUBLE), b.actions());
        double[][] kNext = ntk.cross(b.nextStateArray(DataType.DOUBLE), b.actions(), b.stateArray(DataType.DOUBLE), b.actions());
        StabilityMetrics m = StabilityMetrics.of(k, kNext, gamma, alpha);
        assertThat(m.seem()).isCloseTo(2 * gamma - 1, within(1e-12));
        assertThat(m.isSelfExciting()).isEqualTo(diverges);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5})
    void tsitsiklisVanRoyFittedValueIterationHasTheKnownFactorAndThreshold(double eps) {
        double critical = TsitsiklisVanRoy.criticalGamma(eps);
        for (double gamma : new double[] {0.8 * critical, Math.min(0.999, 1.1 * critical)}) {
            double w = 1.0;
            for (int t = 0; t < 100; t++) {
                double next = TsitsiklisVanRoy.fittedValueIterationStep(w, gamma, eps);
                assertThat(next / w).isCloseTo(TsitsiklisVanRoy.factor(gamma, eps), within(1e-12));
                w = next;
            }
            assertThat(Math.abs(w) > 1).isEqualTo(gamma > critical);
        }
    }
}
