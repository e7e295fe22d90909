package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.DoubleRows;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NtkMethod;
import dev.rl4j.ntk.StabilityMetrics;
import dev.rl4j.testing.CartpoleTransitions;
import dev.rl4j.testing.DenseNets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ProbeComputationTest {

    @Test
    void aProbeLeavesParametersInputAndLabelsOfTheNetworkUntouched() {
        MultiLayerNetwork net = reluNet();
        INDArray input = Nd4j.rand(DataType.FLOAT, 3, 4);
        INDArray labels = Nd4j.rand(DataType.FLOAT, 3, 2);
        net.setInput(input);
        net.setLabels(labels);
        double[] before = net.params().toDoubleVector();

        ProbeComputation.measure(net, EmpiricalNtk.of(net), batch(20), LinearQNets.context(0.99, 1e-3, 1.0));

        assertThat(net.params().toDoubleVector()).containsExactly(before);
        assertThat(net.getInput()).isSameAs(input);
        assertThat(net.getLabels()).isSameAs(labels);
    }

    @Test
    void maxAbsQIsComparedWithRewardOverOneMinusGamma() {
        ProbeMeasurement m = ProbeComputation.measure(reluNet(), EmpiricalNtk.of(reluNet()), batch(20),
                LinearQNets.context(0.9, 1e-3, 2.0));

        assertThat(m.q().softBound()).isCloseTo(20.0, within(1e-12)); // r_max / (1 - gamma)
        assertThat(m.q().maxAbs()).isPositive();
    }

    @Test
    void injectedNanParametersAreReportedAsNonFiniteAndSkipTheKernel() {
        MultiLayerNetwork net = reluNet();
        net.params().putScalar(5, Double.NaN);

        ProbeMeasurement m = ProbeComputation.measure(net, EmpiricalNtk.of(net), batch(8),
                LinearQNets.context(0.99, 1e-3, 1.0));

        assertThat(m.health().nonFiniteParams()).isTrue();
        assertThat(m.hasKernelMetrics()).isFalse();
        assertThat(FindingRules.live().evaluate(m)).extracting(Finding::kind)
                .containsExactly(FindingKind.NON_FINITE);
    }

    @Test
    void onTheDefaultCartpoleNetworkQAndFeaturesEqualThoseOfTheNetworksFloatForwardPass() {
        // RL4J's DQNFactoryStdDense CartPole network, 4-100-100-100-2 ReLU in float, and 256 probe transitions:
        // the probe now reads Q and the features from the kernel engine's double passes
        MultiLayerNetwork net = DenseNets.dense(12, DataType.FLOAT, Activation.RELU, 4, 2, 100, 100, 100);
        CartpoleTransitions t = CartpoleTransitions.randomPolicy(256, 5);
        List<Transition> batch = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            batch.add(new Transition(t.states()[i], t.actions()[i], 1.0, t.nextStates()[i], t.terminal()[i]));
        }
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        assertThat(ntk.forwardTransitions(Nd4j.create(t.states()).castTo(DataType.FLOAT),
                Nd4j.create(t.nextStates()).castTo(DataType.FLOAT))).isPresent();

        ProbeMeasurement m = ProbeComputation.measure(net, ntk, batch, LinearQNets.context(0.99, 1e-3, 1.0));

        List<INDArray> acts = net.feedForward(Nd4j.create(t.states()).castTo(DataType.FLOAT), false);
        List<INDArray> actsNext = net.feedForward(Nd4j.create(t.nextStates()).castTo(DataType.FLOAT), false);
        double maxAbsQ = 0;
        for (double[] row : DoubleRows.of(acts.get(4))) {
            for (double v : row) {
                maxAbsQ = Math.max(maxAbsQ, Math.abs(v));
            }
        }
        double[][] phi = DoubleRows.of(acts.get(3));
        List<double[][]> hidden = List.of(DoubleRows.of(acts.get(1)), DoubleRows.of(acts.get(2)), phi);
        double coAdaptation = ProbeComputation.coAdaptation(phi, DoubleRows.of(actsNext.get(3)), t.terminal());
        assertThat(m.health().nonFinite()).isFalse();
        assertThat(m.hasKernelMetrics()).isTrue();
        // float32 against double forward passes: relative differences of float round-off, ~1e-7 per layer
        assertThat(m.q().maxAbs()).isCloseTo(maxAbsQ, within(1e-5 * maxAbsQ));
        assertThat(m.features().coAdaptation()).isCloseTo(coAdaptation, within(1e-5 * Math.abs(coAdaptation)));
        assertThat(m.features().srank()).isEqualTo(ProbeComputation.srank(phi)); // an integer, far from a tie here
        assertThat(m.features().dormantFraction()).isEqualTo(ProbeComputation.dormantFraction(hidden, 0.025));
        assertThat(m.features().dim()).isEqualTo(100);
    }

    @Test
    void aNonFiniteParameterOfTheDefaultCartpoleNetworkIsReportedBeforeAnyKernelWork() {
        MultiLayerNetwork net = DenseNets.dense(12, DataType.FLOAT, Activation.RELU, 4, 2, 100, 100, 100);
        net.params().putScalar(500, Double.POSITIVE_INFINITY); // a weight of the second hidden layer
        ProbeStages stages = new ProbeStages();

        ProbeMeasurement m = ProbeComputation.measure(net, EmpiricalNtk.of(net), batch(32),
                LinearQNets.context(0.99, 1e-3, 1.0), dev.rl4j.ntk.EigenvalueMethod.KRYLOV, stages);

        assertThat(m.health().nonFiniteParams()).isTrue();
        assertThat(m.health().nonFiniteQ()).isTrue(); // the double forward pass carries the Inf/NaN into Q
        assertThat(m.hasKernelMetrics()).isFalse();
        assertThat(stages.nanos(ProbeStages.Stage.KERNEL)).isZero();
        assertThat(stages.nanos(ProbeStages.Stage.CROSS_KERNEL)).isZero();
        assertThat(FindingRules.live().evaluate(m)).extracting(Finding::kind).containsExactly(FindingKind.NON_FINITE);
    }

    @Test
    void aNetworkTheKernelEngineHasNoPassesForIsStillReadThroughItsOwnForwardPass() {
        MultiLayerNetwork net = reluNet();
        EmpiricalNtk perSample = EmpiricalNtk.of(net, NtkMethod.PER_SAMPLE);
        List<Transition> batch = batch(20);

        ProbeMeasurement viaNetwork = ProbeComputation.measure(net, perSample, batch, LinearQNets.context(0.99, 1e-3, 1.0));
        ProbeMeasurement viaEngine = ProbeComputation.measure(net, EmpiricalNtk.of(net), batch,
                LinearQNets.context(0.99, 1e-3, 1.0));

        // float forward passes and a per-sample kernel against the engine's double passes and structured kernel
        assertThat(viaEngine.q().maxAbs()).isCloseTo(viaNetwork.q().maxAbs(), within(1e-5 * viaNetwork.q().maxAbs()));
        assertThat(viaEngine.features().srank()).isEqualTo(viaNetwork.features().srank());
        assertThat(viaEngine.features().dormantFraction()).isEqualTo(viaNetwork.features().dormantFraction());
        assertThat(viaEngine.features().coAdaptation()).isCloseTo(viaNetwork.features().coAdaptation(),
                within(1e-5 * Math.abs(viaNetwork.features().coAdaptation())));
        assertThat(viaEngine.kernelMetric(StabilityMetrics::beta)).isCloseTo(viaNetwork.kernelMetric(StabilityMetrics::beta),
                within(1e-6));
        assertThat(viaEngine.kernelMetric(StabilityMetrics::rowRatioMax))
                .isCloseTo(viaNetwork.kernelMetric(StabilityMetrics::rowRatioMax),
                        within(1e-5 * viaNetwork.kernelMetric(StabilityMetrics::rowRatioMax)));
        assertThat(viaEngine.kernelMetric(StabilityMetrics::seem)).isCloseTo(viaNetwork.kernelMetric(StabilityMetrics::seem),
                within(1e-5 * Math.abs(viaNetwork.kernelMetric(StabilityMetrics::seem))));
    }

    @Test
    void srankOfRankTwoFeaturesIsTwo() {
        double[][] phi = new double[10][5];
        for (int i = 0; i < 10; i++) {
            phi[i][0] = i;        // two orthogonal directions of equal weight
            phi[i][1] = 9 - i;
        }
        assertThat(ProbeComputation.srank(phi)).isEqualTo(2.0);
    }

    @Test
    void aUnitThatNeverFiresIsDormant() {
        double[][] h = {{1, 0, 2, 1}, {1, 0, 2, 1}};
        assertThat(ProbeComputation.dormantFraction(List.<double[][]>of(h), 0.025)).isEqualTo(0.25);
    }

    static MultiLayerNetwork reluNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.FLOAT).updater(new Adam(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(2)
                        .activation(Activation.IDENTITY).build())
                .build());
        net.init();
        return net;
    }

    static List<Transition> batch(int n) {
        Random r = new Random(3);
        List<Transition> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] s = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] s2 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            out.add(new Transition(s, r.nextInt(2), 1.0, s2, i % 5 == 4));
        }
        return out;
    }
}
