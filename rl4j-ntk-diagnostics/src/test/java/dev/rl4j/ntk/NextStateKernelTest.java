package dev.rl4j.ntk;

import dev.rl4j.testing.Batches;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.Matrices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class NextStateKernelTest {

    private static final int N = 12;
    private static final int ACTIONS = 3;

    private final MultiLayerNetwork net = DenseNets.denseWithRandomBiases(5, DataType.DOUBLE, new ActivationTanH(), 4, ACTIONS, 8);
    private final EmpiricalNtk ntk = EmpiricalNtk.of(net);
    private final INDArray states = Batches.states(1, N, 4);
    private final int[] actions = Batches.actions(2, N, ACTIONS);
    private final INDArray nextStates = Batches.states(3, N, 4);
    private final double[][] qNext = net.output(nextStates, false).toDoubleMatrix();

    @Test
    void greedyActionsTakeTheFirstLargestQ() {
        double[][] q = {{1, 3, 3}, {5, 5, 5}, {0, -1, 2}, {Double.NEGATIVE_INFINITY, -7, -9}};

        assertThat(NextStateKernel.greedyActions(q)).containsExactly(1, 0, 2, 1);
    }

    @Test
    void withoutTerminalRowsItIsTheCrossKernelOfTheGreedyNextPairs() {
        double[][] expected = ntk.cross(nextStates, NextStateKernel.greedyActions(qNext), states, actions);

        double[][] k = NextStateKernel.of(ntk, states, actions, nextStates, qNext, new boolean[N]);

        assertThat(k).isDeepEqualTo(expected);
    }

    @Test
    void terminalRowsAreZeroAndTheOthersUntouched() {
        boolean[] terminal = terminalEveryThird();
        double[][] all = ntk.cross(nextStates, NextStateKernel.greedyActions(qNext), states, actions);

        double[][] k = NextStateKernel.of(ntk, states, actions, nextStates, qNext, terminal);

        for (int i = 0; i < N; i++) {
            assertThat(k[i]).as("row %d", i).containsExactly(terminal[i] ? new double[N] : all[i]);
        }
    }

    @Test
    void theNetworkVariantSkipsMissingTerminalNextStatesAndAgreesWithTheProbeVariant() {
        boolean[] terminal = terminalEveryThird();
        double[][] next = nextStates.toDoubleMatrix();
        for (int i = 0; i < N; i++) {
            if (terminal[i]) {
                next[i] = null; // a done row of an offline batch may have no next state
            }
        }

        double[][] fromNet = NextStateKernel.of(net, ntk, states, actions, next, terminal);
        double[][] fromQ = NextStateKernel.of(ntk, states, actions, nextStates, qNext, terminal);

        assertThat(Matrices.maxRelativeDiff(fromNet, fromQ)).isLessThanOrEqualTo(1e-12);
        for (int i = 0; i < N; i++) {
            if (terminal[i]) {
                assertThat(fromNet[i]).as("row %d", i).containsOnly(0.0);
            } else {
                assertThat(fromNet[i]).as("row %d", i).isNotEqualTo(new double[N]);
            }
        }
    }

    @Test
    void anAllTerminalBatchHasAZeroKernel() {
        boolean[] terminal = new boolean[N];
        java.util.Arrays.fill(terminal, true);

        assertThat(NextStateKernel.of(ntk, states, actions, nextStates, qNext, terminal)).isDeepEqualTo(new double[N][N]);
        assertThat(NextStateKernel.of(net, ntk, states, actions, new double[N][], terminal))
                .isDeepEqualTo(new double[N][N]);
    }

    @Test
    void oneTerminalFlagPerPairIsRequired() {
        assertThatThrownBy(() -> NextStateKernel.of(ntk, states, actions, nextStates, qNext, new boolean[N - 1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terminal");
    }

    private static boolean[] terminalEveryThird() {
        boolean[] terminal = new boolean[N];
        for (int i = 0; i < N; i += 3) {
            terminal[i] = true;
        }
        return terminal;
    }
}
