package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.EmpiricalNtk;
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
        INDArray h = Nd4j.create(new double[][] {{1, 0, 2, 1}, {1, 0, 2, 1}});
        assertThat(ProbeComputation.dormantFraction(List.of(h), 0.025)).isEqualTo(0.25);
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
