package dev.rl4j.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.testing.Batches;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.FiniteDifferences;
import dev.rl4j.testing.Matrices;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.weightnoise.DropConnect;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.listeners.ScoreIterationListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class EmpiricalNtkContractTest {

    private static MultiLayerNetwork build(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static NeuralNetConfiguration.ListBuilder base() {
        return new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE).updater(new Adam(1e-3)).list();
    }

    private static OutputLayer qOutput(int nIn) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(nIn).nOut(2).activation(Activation.IDENTITY).build();
    }

    @Test
    void callsLeaveTheNetworkExactlyAsTheyFoundIt() {
        MultiLayerNetwork net = DenseNets.denseWithRandomBiases(11, DataType.FLOAT, Activation.RELU, 4, 2, 16, 16);
        INDArray x = Batches.states(11, 8, 4).castTo(DataType.FLOAT);
        INDArray y = Nd4j.rand(DataType.FLOAT, 8, 2);
        net.setListeners(new ScoreIterationListener(1000));
        net.fit(new DataSet(x, y)); // non-trivial updater state, counters, score, input and labels
        INDArray params = net.params().dup();
        INDArray updater = net.getUpdater().getStateViewArray().dup();
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();
        double score = net.score();
        INDArray input = net.getInput();
        INDArray labels = net.getLabels();
        List<org.deeplearning4j.optimize.api.TrainingListener> listeners = List.copyOf(net.getListeners());

        int[] a = {0, 1, 1, 0, 1, 0, 0, 1};
        for (NtkMethod m : NtkMethod.values()) {
            EmpiricalNtk ntk = EmpiricalNtk.of(net, m);
            ntk.gram(x, a);
            ntk.cross(x, a, x, a);
            ntk.weightedGradient(x, a, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        }

        assertThat(net.params()).isEqualTo(params);
        assertThat(net.getUpdater().getStateViewArray()).isEqualTo(updater);
        assertThat(net.getIterationCount()).isEqualTo(iteration);
        assertThat(net.getEpochCount()).isEqualTo(epoch);
        assertThat(net.score()).isEqualTo(score);
        assertThat(net.getInput()).isSameAs(input);
        assertThat(net.getLabels()).isSameAs(labels);
        assertThat(net.getListeners()).containsExactlyElementsOf(listeners);
    }

    @Test
    void convolutionalNetworksFallBackToTheExactPerSamplePath() {
        MultiLayerNetwork net = build(base()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(3).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(4, 4, 1)));
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        assertThat(ntk.method()).isEqualTo(NtkMethod.PER_SAMPLE);
        Nd4j.getRandom().setSeed(2);
        INDArray s = Nd4j.rand(DataType.DOUBLE, 5, 1, 4, 4);
        int[] a = {0, 1, 0, 1, 1};
        double[][] k = ntk.gram(s, a);
        double[][] fd = Matrices.gram(FiniteDifferences.jacobian(net, s, a, 1e-6));
        assertThat(Matrices.maxRelativeDiff(k, fd)).isLessThanOrEqualTo(1e-8);
        assertThatThrownBy(() -> EmpiricalNtk.of(net, NtkMethod.STRUCTURED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 (ConvolutionLayer)").hasMessageContaining("PER_SAMPLE");
    }

    @Test
    void rejectsLayerNormalisation() {
        MultiLayerNetwork net = build(base()
                .layer(new DenseLayer.Builder().nIn(3).nOut(6).hasLayerNorm(true).activation(Activation.TANH).build())
                .layer(qOutput(6)));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 (DenseLayer)").hasMessageContaining("layer normalisation");
    }

    @Test
    void rejectsRecurrentLayers() {
        MultiLayerNetwork net = build(base().layer(new LSTM.Builder().nIn(3).nOut(4).build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(4).nOut(2).activation(Activation.IDENTITY).build()));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 (LSTM)").hasMessageContaining("recurrent");
    }

    @Test
    void rejectsDropout() {
        MultiLayerNetwork net = build(base().layer(new DenseLayer.Builder().nIn(3).nOut(4).dropOut(0.5).build()).layer(qOutput(4)));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 0 (DenseLayer)").hasMessageContaining("dropout");
    }

    @Test
    void rejectsWeightNoise() {
        MultiLayerNetwork net = build(base()
                .layer(new DenseLayer.Builder().nIn(3).nOut(4).weightNoise(new DropConnect(0.5)).build()).layer(qOutput(4)));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).hasMessageContaining("layer 0 (DenseLayer)").hasMessageContaining("weight noise");
    }

    @Test
    void rejectsBatchNormalisation() {
        MultiLayerNetwork net = build(base().layer(new DenseLayer.Builder().nIn(3).nOut(4).build())
                .layer(new BatchNormalization.Builder().nOut(4).build()).layer(qOutput(4)));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).hasMessageContaining("layer 1 (BatchNormalization)")
                .hasMessageContaining("batch normalisation");
    }

    @Test
    void rejectsNonIdentityOutputActivation() {
        MultiLayerNetwork net = build(base().layer(new DenseLayer.Builder().nIn(3).nOut(4).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(4).nOut(2).activation(Activation.SOFTMAX).build()));
        assertThatThrownBy(() -> EmpiricalNtk.of(net)).hasMessageContaining("layer 1 (OutputLayer)")
                .hasMessageContaining("softmax").hasMessageContaining("identity");
    }

    @Test
    void rejectsOutOfRangeActions() {
        EmpiricalNtk ntk = smallReluNtk();
        assertThatThrownBy(() -> ntk.gram(Batches.states(1, 2, 3), new int[] {0, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("actions[1] = 2 is out of range [0, 2)");
        assertThatThrownBy(() -> ntk.gram(Batches.states(1, 2, 3), new int[] {-1, 0}))
                .hasMessage("actions[0] = -1 is out of range [0, 2)");
    }

    @Test
    void rejectsMismatchedBatchSizes() {
        EmpiricalNtk ntk = smallReluNtk();
        assertThatThrownBy(() -> ntk.gram(Batches.states(1, 3, 3), new int[] {0, 1}))
                .hasMessage("mismatched batch sizes: states has 3 rows but actions has 2 entries");
        assertThatThrownBy(() -> ntk.weightedGradient(Batches.states(1, 2, 3), new int[] {0, 1}, new double[] {1}))
                .hasMessage("weights must have one entry per pair: expected 2, got 1");
    }

    @Test
    void rejectsEmptyBatches() {
        EmpiricalNtk ntk = smallReluNtk();
        assertThatThrownBy(() -> ntk.gram(Nd4j.create(DataType.DOUBLE, 0, 3), new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("empty batch");
    }

    @Test
    void rejectsStatesOfTheWrongWidth() {
        EmpiricalNtk ntk = smallReluNtk();
        assertThatThrownBy(() -> ntk.gram(Batches.states(1, 2, 5), new int[] {0, 1}))
                .hasMessage("states must have shape [N, 3], got [2, 5]");
    }

    @Test
    void rejectsNonFiniteWeights() {
        EmpiricalNtk ntk = smallReluNtk();
        assertThatThrownBy(() -> ntk.weightedGradient(Batches.states(1, 2, 3), new int[] {0, 1},
                new double[] {1, Double.NaN}))
                .hasMessage("weights[1] must be finite, got NaN");
    }

    /** NTK of a 3-4-2 ReLU float network, for the argument checks. */
    private static EmpiricalNtk smallReluNtk() {
        return EmpiricalNtk.of(DenseNets.denseWithRandomBiases(1, DataType.FLOAT, Activation.RELU, 3, 2, 4));
    }
}
