package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.testing.Batches;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.FiniteDifferences;
import dev.rl4j.testing.TdErrors;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The experimental bootstrap hold (docs/math.md#hold-bootstrap): to first order the step moves Q(s_i, a_i) by
 * alpha * delta_i and leaves Q(s'_i, a*_i) of every non-terminal transition where it was; and the step telemetry
 * (docs/math.md#preqn-telemetry) agrees with TD errors recomputed independently.
 */
class HoldBootstrapTest {

    private static final double GAMMA = 0.9;
    private static final double ALPHA = 0.3;
    /** One undamped step, a single trial, accepted whenever Q moves along delta at all. */
    private static final PreQNConfiguration HOLD = PreQNConfiguration.builder()
            .alpha(ALPHA).eta(0.0).maxTrials(1).damping(0.0).holdBootstrap(true).build();

    @Test
    void linearisedStepMovesTheBatchByAlphaDeltaAndTheBootstrapByZero() {
        MultiLayerNetwork net = DenseNets.dense(3, DataType.DOUBLE, Activation.TANH, 3, 2, 6);   // 38 parameters
        List<StateActionRewardState<Integer>> batch = Batches.batch(4, 6, 3, 2, 1.0);          // 4 non-terminal
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        Bootstrap boot = Bootstrap.of(net, batch);
        double[][] gBatch = FiniteDifferences.jacobian(net, batch, 1e-6);                       // independent of the NTK
        double[][] gBoot = FiniteDifferences.jacobian(net, boot.states(), boot.actions(), 1e-6);
        double[] theta = DenseNets.params(net);

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, HOLD, GAMMA, Double.NaN).compute(batch);

        double[] step = minus(DenseNets.params(net), theta);
        double scale = 0;
        for (double d : delta) {
            scale = Math.max(scale, ALPHA * Math.abs(d));
        }
        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(u.heldPairs()).isEqualTo(boot.actions().length).isEqualTo(4);
        for (int i = 0; i < delta.length; i++) {
            assertThat(dot(gBatch[i], step)).isCloseTo(ALPHA * delta[i], within(1e-6 * scale));
        }
        for (double[] g : gBoot) {
            assertThat(dot(g, step)).isCloseTo(0.0, within(1e-6 * scale));
        }
    }

    @Test
    void withoutTheHoldTheSameStepMovesTheBootstrap() {
        MultiLayerNetwork net = DenseNets.dense(3, DataType.DOUBLE, Activation.TANH, 3, 2, 6);
        List<StateActionRewardState<Integer>> batch = Batches.batch(4, 6, 3, 2, 1.0);
        Bootstrap boot = Bootstrap.of(net, batch);
        double[][] gBoot = FiniteDifferences.jacobian(net, boot.states(), boot.actions(), 1e-6);
        double[] theta = DenseNets.params(net);
        PreQNConfiguration plain = PreQNConfiguration.builder().alpha(ALPHA).eta(0.0).maxTrials(1).damping(0.0).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, plain, GAMMA, Double.NaN).compute(batch);

        double[] step = minus(DenseNets.params(net), theta);
        double moved = 0;
        for (double[] g : gBoot) {
            moved = Math.max(moved, Math.abs(dot(g, step)));
        }
        assertThat(u.heldPairs()).isZero();
        assertThat(moved).isGreaterThan(1e-3);
    }

    @Test
    void onALinearQTheHoldIsExactAndTelemetryReportsAlphaClosedAndNoBootstrapMove() {
        MultiLayerNetwork net = DenseNets.dense(7, DataType.DOUBLE, Activation.RELU, 8, 2);     // linear Q, 9 per action
        List<StateActionRewardState<Integer>> batch = Batches.batch(8, 6, 8, 2, 1.0);
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        double[] before = TdErrors.qTaken(net, batch);
        Bootstrap boot = Bootstrap.of(net, batch);

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, HOLD, GAMMA, Double.NaN).compute(batch);

        double[] after = TdErrors.qTaken(net, batch);
        double[] bootAfter = boot.q(net);
        for (int i = 0; i < delta.length; i++) {
            assertThat(after[i] - before[i]).isCloseTo(ALPHA * delta[i], within(1e-9));
        }
        for (int j = 0; j < bootAfter.length; j++) {
            assertThat(bootAfter[j]).isCloseTo(boot.qBefore()[j], within(1e-9));
        }
        assertThat(u.tdClosed()).isCloseTo(ALPHA, within(1e-9));
        assertThat(u.bootOverDq()).isCloseTo(0.0, within(1e-7));
    }

    @Test
    void tdClosedMatchesTdErrorsRecomputedAfterThePlainStep() {
        MultiLayerNetwork net = DenseNets.dense(9, DataType.DOUBLE, Activation.RELU, 4, 2, 16);
        List<StateActionRewardState<Integer>> batch = Batches.batch(10, 12, 4, 2, 1.0);
        double[] d0 = TdErrors.delta(net, batch, GAMMA);
        PreQNConfiguration plain = PreQNConfiguration.builder().alpha(ALPHA).eta(0.0).maxTrials(1).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, plain, GAMMA, Double.NaN).compute(batch);

        double[] d1 = TdErrors.delta(net, batch, GAMMA);
        double num = 0;
        double den = 0;
        for (int i = 0; i < d0.length; i++) {
            num += (d0[i] - d1[i]) * d0[i];
            den += d0[i] * d0[i];
        }
        assertThat(u.changedParameters()).isTrue();
        assertThat(u.tdClosed()).isCloseTo(num / den, within(1e-9));
        assertThat(u.bootOverDq()).isFinite();
    }

    @Test
    void telemetryIsNaNWhenTheStepWasRejected() {
        MultiLayerNetwork net = DenseNets.dense(9, DataType.DOUBLE, Activation.RELU, 4, 2, 16);
        PreQNConfiguration strict = PreQNConfiguration.builder().alpha(1.0).eta(0.999999).maxTrials(1).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, strict, GAMMA, Double.NaN).compute(Batches.batch(10, 12, 4, 2, 1.0));

        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.REJECTED);
        assertThat(u.tdClosed()).isNaN();
        assertThat(u.bootOverDq()).isNaN();
    }

    @Test
    void holdWithATargetNetworkIsRejectedAtConstruction() {
        assertThatThrownBy(() -> PreQNConfiguration.builder().holdBootstrap(true).targetNetwork(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdBootstrap").hasMessageContaining("targetNetwork=true");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            d[k] = a[k] - b[k];
        }
        return d;
    }

    /** The pairs (s'_i, argmax_a Q(s'_i, a)) of the non-terminal transitions, and their Q before the step. */
    private record Bootstrap(INDArray states, int[] actions, double[] qBefore) {

        static Bootstrap of(MultiLayerNetwork net, List<StateActionRewardState<Integer>> batch) {
            List<double[]> rows = new ArrayList<>();
            for (StateActionRewardState<Integer> t : batch) {
                if (!t.isTerminal()) {
                    rows.add(t.getNextObservation().getChannelData(0).castTo(DataType.DOUBLE).toDoubleVector());
                }
            }
            INDArray states = Nd4j.createFromArray(rows.toArray(new double[0][]));
            INDArray q = net.output(states, false);
            int[] actions = new int[rows.size()];
            double[] qa = new double[rows.size()];
            for (int j = 0; j < actions.length; j++) {
                actions[j] = q.getRow(j).argMax().getInt(0);
                qa[j] = q.getDouble(j, actions[j]);
            }
            return new Bootstrap(states, actions, qa);
        }

        /** Q(s'_j, a*_j) of {@code net} now, a* fixed at the actions taken before the step. */
        double[] q(MultiLayerNetwork net) {
            INDArray out = net.output(states, false);
            double[] v = new double[actions.length];
            for (int j = 0; j < v.length; j++) {
                v[j] = out.getDouble(j, actions[j]);
            }
            return v;
        }
    }
}
