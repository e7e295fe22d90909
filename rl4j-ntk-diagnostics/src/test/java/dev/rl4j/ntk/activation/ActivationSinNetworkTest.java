package dev.rl4j.ntk.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** {@link ActivationSin} inside DL4J networks: gradient check, JSON configuration and ModelSerializer round trips. */
class ActivationSinNetworkTest {

    private DataType savedDefault;
    private DataType savedDefaultFloat;

    /** GradientCheckUtil insists on a DOUBLE global default; restore whatever was set for other tests. */
    @BeforeEach
    void useDoubleByDefault() {
        savedDefault = Nd4j.dataType();
        savedDefaultFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterEach
    void restoreDefaults() {
        Nd4j.setDefaultDataTypes(savedDefault, savedDefaultFloat);
    }

    /** 4 -> 6 (sin, w0) -> 5 (sin, 2 w0) -> 3 (identity, MSE), DOUBLE, no updater, fixed seed. */
    static MultiLayerConfiguration sinNetConf(double w0) {
        return new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .seed(12345)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(6).activation(new ActivationSin(w0)).build())
                .layer(new DenseLayer.Builder().nIn(6).nOut(5).activation(new ActivationSin(2 * w0)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(5).nOut(3)
                        .activation(Activation.IDENTITY).build())
                .build();
    }

    static MultiLayerNetwork sinNet(double w0) {
        MultiLayerNetwork net = new MultiLayerNetwork(sinNetConf(w0));
        net.init();
        return net;
    }

    static IActivation activationOf(MultiLayerNetwork net, int layer) {
        return ((BaseLayer) net.getLayerWiseConfigurations().getConf(layer).getLayer()).getActivationFn();
    }

    @ParameterizedTest(name = "w0 = {0}")
    @ValueSource(doubles = {0.5, 1.0, 3.0})
    void networkWithSinHiddenLayersPassesDl4jGradientCheck(double w0) {
        MultiLayerNetwork net = sinNet(w0);
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 10, 4);
        INDArray y = Nd4j.randn(DataType.DOUBLE, 10, 3);

        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig()
                .net(net).input(x).labels(y)
                .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY));

        assertThat(ok).isTrue();
    }

    @Test
    void modelSerializerRoundTripKeepsParamsActivationAndOutputs(@TempDir File dir) throws Exception {
        MultiLayerNetwork net = sinNet(1.5);
        INDArray x = Nd4j.randn(DataType.DOUBLE, 8, 4);
        INDArray expected = net.output(x);
        File file = new File(dir, "sin-net.zip");

        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertThat(restored.params().toDoubleVector()).containsExactly(net.params().toDoubleVector());
        assertThat(activationOf(restored, 0)).isInstanceOf(ActivationSin.class).isEqualTo(new ActivationSin(1.5));
        assertThat(((ActivationSin) activationOf(restored, 1)).getW0()).isEqualTo(3.0);
        assertThat(restored.getLayerWiseConfigurations()).isEqualTo(net.getLayerWiseConfigurations());
        INDArray actual = restored.output(x);
        assertThat(actual.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(actual.toDoubleMatrix()).isDeepEqualTo(expected.toDoubleMatrix());
    }

    @Test
    void multiLayerConfigurationJsonRoundTripKeepsTheSinActivations() {
        MultiLayerConfiguration conf = sinNetConf(2.0);

        String json = conf.toJson();
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(json);

        assertThat(json).contains("\"@class\" : \"dev.rl4j.ntk.activation.ActivationSin\"")
                .contains("\"w0\" : 2.0").contains("\"w0\" : 4.0");
        assertThat(restored).isEqualTo(conf);
        assertThat(restored.toJson()).isEqualTo(json);
        IActivation first = ((BaseLayer) restored.getConf(0).getLayer()).getActivationFn();
        IActivation second = ((BaseLayer) restored.getConf(1).getLayer()).getActivationFn();
        assertThat(first).isInstanceOf(ActivationSin.class).hasToString("sin(w0=2.0)");
        assertThat(second).isInstanceOf(ActivationSin.class).hasToString("sin(w0=4.0)");
    }

    @Test
    void multiLayerConfigurationYamlRoundTripKeepsTheSinActivations() {
        MultiLayerConfiguration conf = sinNetConf(0.75);

        MultiLayerConfiguration restored = MultiLayerConfiguration.fromYaml(conf.toYaml());

        assertThat(restored).isEqualTo(conf);
    }

    @Test
    void floatNetworkComputesInFloat() {
        MultiLayerConfiguration conf = sinNetConf(1.0);
        conf.setDataType(DataType.FLOAT);
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 5, 4));

        assertThat(out.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(out.shape()).containsExactly(5, 3);
    }
}
