package dev.rl4j.ntk.dense;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ElementwiseActivationTest {

    private static final double[] Z = {-2.5, -0.0, 0.0, 1e-300, 0.75, -1e-300, 3.0, -4.0};
    private static final double[] EPS = {1.5, -2.0, 3.0, -0.5, 2.0, 7.0, -1.0, 0.25};

    @Test
    void eachLayerActivationIsEvaluatedByTheMatchingConstant() {
        assertThat(ElementwiseActivation.of(new ActivationIdentity())).isEqualTo(ElementwiseActivation.IDENTITY);
        assertThat(ElementwiseActivation.of(new ActivationReLU())).isEqualTo(ElementwiseActivation.RELU);
        assertThat(ElementwiseActivation.of(new ActivationReLU(6.0, null, null))).isEqualTo(ElementwiseActivation.GENERIC);
        assertThat(ElementwiseActivation.of(new ActivationReLU(null, null, 0.1))).isEqualTo(ElementwiseActivation.GENERIC);
        assertThat(ElementwiseActivation.of(new ActivationTanH())).isEqualTo(ElementwiseActivation.GENERIC);
    }

    @Test
    void heapEvaluationsAgreeExactlyWithTheNd4jActivations() {
        for (IActivation function : new IActivation[] {new ActivationIdentity(), new ActivationReLU(), new ActivationTanH()}) {
            ElementwiseActivation activation = ElementwiseActivation.of(function);
            Workspace.Layer layer = layer(function, activation);
            INDArray output = Nd4j.create(DataType.DOUBLE, 2, 4);
            activation.forward(function, layer, output, new double[Z.length]);
            INDArray expected = function.getActivation(Nd4j.create(Z, new long[] {2, 4}), false);
            assertSameValues(output, expected, function + " forward");

            activation.derivative(function, layer, new double[Z.length], new double[Z.length]);
            INDArray expectedD = function.backprop(Nd4j.create(Z, new long[] {2, 4}), Nd4j.create(EPS, new long[] {2, 4}))
                    .getFirst();
            assertSameValues(layer.d(), expectedD, function + " derivative");
        }
    }

    /** Equal as numbers ({@code ==}): the heap ReLU gives max(-0, 0) = +0 where ND4J keeps -0. */
    private static void assertSameValues(INDArray actual, INDArray expected, String what) {
        double[] a = actual.data().asDouble();
        double[] e = expected.data().asDouble();
        assertThat(a).as(what).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i] == e[i]).as(what + " at " + i + ": " + a[i] + " vs " + e[i]).isTrue();
        }
    }

    /** A 2 x 4 layer holding z = Z (heap and off-heap) and eps = EPS. */
    private static Workspace.Layer layer(IActivation function, ElementwiseActivation activation) {
        Workspace.Layer layer = new Workspace.Layer(2, new LayerLayout(3, 4, true, 0, 12, function, activation));
        System.arraycopy(Z, 0, layer.zHeap, 0, Z.length);
        layer.z.data().asNioDouble().put(0, Z);
        layer.eps.data().asNioDouble().put(0, EPS);
        return layer;
    }
}
