package dev.rl4j.ntk;

import dev.rl4j.testing.DenseNets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class NetworkInspectionTest {

    @Test
    void aDenseStackGetsTheLayoutOfAllItsParameters() {
        MultiLayerNetwork net = DenseNets.denseWithRandomBiases(1, DataType.FLOAT, Activation.RELU.getActivationFunction(), 4, 3, 8, 5);
        NetworkInspection inspection = NetworkInspection.inspect(net);
        assertThat(inspection.numActions()).isEqualTo(3);
        assertThat(inspection.structuredRule()).isInstanceOfSatisfying(NetworkInspection.Applies.class,
                applies -> assertThat(applies.layout().numParams()).isEqualTo(net.numParams()));
    }

    @Test
    void aLayerWithoutStructuredRuleIsTheRejectionReason() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.DOUBLE)
                .list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(2).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(4, 4, 1)).build());
        net.init();
        NetworkInspection.StructuredRule rule = NetworkInspection.inspect(net).structuredRule();
        assertThat(rule).isInstanceOfSatisfying(NetworkInspection.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("layer 0 (ConvolutionLayer)"));
        assertThatThrownBy(rule::layoutOrThrow).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STRUCTURED is not available").hasMessageContaining("PER_SAMPLE");
    }
}
