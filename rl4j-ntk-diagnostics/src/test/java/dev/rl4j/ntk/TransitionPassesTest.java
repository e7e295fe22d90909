package dev.rl4j.ntk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.testing.CartpoleTransitions;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.Matrices;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link EmpiricalNtk#forwardTransitions}: the engine's double forward passes against DL4J's float ones. */
class TransitionPassesTest {

    /** RL4J's default CartPole Q-network (DQNFactoryStdDense: 4-100-100-100-2, ReLU, float) and 256 transitions. */
    private static final MultiLayerNetwork NET = DenseNets.dense(12, DataType.FLOAT, Activation.RELU, 4, 2, 100, 100, 100);
    private static final CartpoleTransitions BATCH = CartpoleTransitions.randomPolicy(256, 5);

    @Test
    void qAndEveryHiddenLayerEqualTheNetworksFloatForwardPassUpToFloatRoundOff() {
        INDArray s = Nd4j.create(BATCH.states()).castTo(DataType.FLOAT);
        INDArray sNext = Nd4j.create(BATCH.nextStates()).castTo(DataType.FLOAT);
        EmpiricalNtk.TransitionPasses passes = EmpiricalNtk.of(NET).forwardTransitions(s, sNext).orElseThrow();
        List<INDArray> acts = NET.feedForward(s, false);
        List<INDArray> actsNext = NET.feedForward(sNext, false);

        assertThat(passes.hiddenLayers()).isEqualTo(3);
        // float32 forward passes against double ones: relative error of a few float ulps per layer
        assertCloseToFloat(passes.q(), DoubleRows.of(acts.get(4)));
        assertCloseToFloat(passes.qNext(), DoubleRows.of(actsNext.get(4)));
        for (int h = 0; h < 3; h++) {
            assertCloseToFloat(passes.hidden(h), DoubleRows.of(acts.get(h + 1)));
            assertCloseToFloat(passes.hiddenNext(h), DoubleRows.of(actsNext.get(h + 1)));
        }
    }

    @Test
    void theBackwardHalvesGiveTheKernelsOfSeparatePasses() {
        INDArray s = Nd4j.create(BATCH.states()).castTo(DataType.FLOAT);
        INDArray sNext = Nd4j.create(BATCH.nextStates()).castTo(DataType.FLOAT);
        EmpiricalNtk ntk = EmpiricalNtk.of(NET);
        EmpiricalNtk.TransitionPasses passes = ntk.forwardTransitions(s, sNext).orElseThrow();
        int[] greedy = NextStateKernel.greedyActions(passes.qNext());
        double[][] k = passes.prepare(BATCH.actions()).gram();
        double[][] kNext = passes.crossNext(greedy);

        EmpiricalNtk.Prepared separate = ntk.prepare(s, BATCH.actions());
        assertThat(k).isDeepEqualTo(separate.gram()); // the same passes and products: bit for bit
        // the same products, the output layer's by action blocks: BLAS round-off only
        assertThat(Matrices.maxRelativeDiff(kNext, separate.crossFrom(sNext, greedy))).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void theCrossKernelByActionBlocksEqualsThePerSampleKernel() { // the output layer's term formed by action blocks
        MultiLayerNetwork net = DenseNets.denseWithRandomBiases(3, DataType.DOUBLE, Activation.TANH, 4, 3, 8, 6);
        INDArray a = Nd4j.rand(DataType.DOUBLE, 9, 4);
        INDArray b = Nd4j.rand(DataType.DOUBLE, 7, 4);
        int[] actionsA = {0, 2, 2, 1, 0, 0, 2, 2, 2}; // action 1 is absent from B: an empty block
        int[] actionsB = {2, 0, 0, 2, 2, 0, 2};
        double[][] fast = EmpiricalNtk.of(net, NtkMethod.STRUCTURED).cross(a, actionsA, b, actionsB);
        double[][] reference = EmpiricalNtk.of(net, NtkMethod.PER_SAMPLE).cross(a, actionsA, b, actionsB);
        assertThat(Matrices.maxRelativeDiff(fast, reference)).isLessThanOrEqualTo(1e-10); // BLAS round-off
    }

    @Test
    void thePerSamplePathHasNoTransitionPasses() {
        INDArray s = Nd4j.create(BATCH.states()).castTo(DataType.FLOAT);
        assertThat(EmpiricalNtk.of(NET, NtkMethod.PER_SAMPLE).forwardTransitions(s, s)).isEmpty();
    }

    @Test
    void aLaterCallOnTheEngineMakesThePassesStale() {
        INDArray s = Nd4j.create(BATCH.states()).castTo(DataType.FLOAT);
        EmpiricalNtk ntk = EmpiricalNtk.of(NET);
        EmpiricalNtk.TransitionPasses passes = ntk.forwardTransitions(s, s).orElseThrow();
        ntk.gram(s, BATCH.actions());

        assertThatThrownBy(passes::q).isInstanceOf(IllegalStateException.class).hasMessageContaining("overwritten");
    }

    @Test
    void theNextStateKernelNeedsThePreparedBatchFirst() {
        INDArray s = Nd4j.create(BATCH.states()).castTo(DataType.FLOAT);
        EmpiricalNtk.TransitionPasses passes = EmpiricalNtk.of(NET).forwardTransitions(s, s).orElseThrow();

        assertThatThrownBy(() -> passes.crossNext(BATCH.actions())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepare(actions) first");
    }

    /** Every entry within 1e-5 of the float value, relative to the matrix's largest entry. */
    private static void assertCloseToFloat(double[][] actual, double[][] floatValues) {
        assertThat(Matrices.maxRelativeDiff(actual, floatValues)).isLessThanOrEqualTo(1e-5);
    }
}
