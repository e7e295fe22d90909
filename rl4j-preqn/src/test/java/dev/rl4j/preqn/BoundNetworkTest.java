package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.testing.DenseNets;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link BoundNetwork#q}'s bulk read gives the same bits as ND4J's own {@code toDoubleMatrix}. */
class BoundNetworkTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void qIsBitIdenticalToToDoubleMatrix(DataType dtype) {
        MultiLayerNetwork net = DenseNets.dense(41, dtype, Activation.RELU, 4, 3, 16, 16);
        BoundNetwork bound = BoundNetwork.of(new DQN(net));
        INDArray states = Nd4j.rand(DataType.DOUBLE, 37, 4).subi(0.5).muli(6);
        double[][] expected = net.output(states.castTo(dtype), false).castTo(DataType.DOUBLE).toDoubleMatrix();

        double[][] q = bound.q(states);

        assertThat(q.length).isEqualTo(37);
        for (int i = 0; i < q.length; i++) {
            assertThat(q[i]).hasSize(3);
            for (int j = 0; j < 3; j++) {
                assertThat(Double.doubleToRawLongBits(q[i][j])).as("Q[%d][%d]", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
            }
        }
    }
}
