package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.rl4j.ntk.DampedKernel;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.testing.Batches;
import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.FiniteDifferences;
import dev.rl4j.testing.TdErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.IOutputNeuralNet;
import org.deeplearning4j.rl4j.network.ITrainableNeuralNet;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PreQNUpdateAlgorithmTest {

    private static final double GAMMA = 0.9;
    private static final double NO_CLAMP = Double.NaN;
    /** One plain step: no damping, a single trial accepted whenever Q moves along delta at all. */
    private static final PreQNConfiguration PLAIN = PreQNConfiguration.builder()
            .alpha(0.3).eta(0.0).maxTrials(1).damping(0.0).build();

    @Test
    void linearQWithFullRankKernelMovesTheBatchByExactlyAlphaTimesDelta() {
        MultiLayerNetwork net = DenseNets.dense(1, DataType.DOUBLE, Activation.RELU, 6, 2);
        List<StateActionRewardState<Integer>> batch = Batches.batch(2, 8, 6, 2, 1.0);
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        double[] before = TdErrors.qTaken(net, batch);

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, PLAIN, GAMMA, NO_CLAMP).compute(batch);

        double[] after = TdErrors.qTaken(net, batch);
        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(u.fallbackSolve()).isFalse();
        for (int i = 0; i < delta.length; i++) {
            double expected = 0.3 * delta[i];
            assertThat(after[i] - before[i]).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
        }
        assertThat(u.cosineAfter()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void stepEqualsThePseudoInverseGaussNewtonDirectionFromPerSampleGradients() {
        MultiLayerNetwork net = DenseNets.dense(3, DataType.DOUBLE, Activation.TANH, 3, 2, 5);
        List<StateActionRewardState<Integer>> batch = Batches.batch(4, 6, 3, 2, 1.0);
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        double[][] g = FiniteDifferences.jacobian(net, batch, 1e-6);            // N x P, independent of the NTK engine
        RealMatrix gt = new Array2DRowRealMatrix(g).transpose();         // P x N
        RealMatrix ggT = gt.multiply(gt.transpose());                    // P x P, rank N
        double[] expected = new SingularValueDecomposition(ggT).getSolver().getInverse()
                .operate(gt.operate(delta));                             // (G G^T)^+ G delta
        double[] theta = DenseNets.params(net);

        PreQNUpdateAlgorithm.of(net, PLAIN, GAMMA, NO_CLAMP).compute(batch);

        double[] step = DenseNets.params(net);
        double norm = 0;
        for (double e : expected) {
            norm = Math.max(norm, Math.abs(0.3 * e));
        }
        for (int p = 0; p < step.length; p++) {   // finite differences carry ~1e-9 error, the SVD amplifies it
            assertThat(step[p] - theta[p]).isCloseTo(0.3 * expected[p], within(1e-6 * norm));
        }
    }

    @Test
    void forANonlinearNetAlphaTimesKTimesZReproducesAlphaTimesDelta() {
        MultiLayerNetwork net = DenseNets.dense(5, DataType.DOUBLE, Activation.RELU, 4, 3, 16, 16);
        List<StateActionRewardState<Integer>> batch = Batches.batch(6, 12, 4, 3, 1.0);
        double[] delta = TdErrors.delta(net, batch, GAMMA);
        double[][] k = EmpiricalNtk.of(net).gram(Batches.states(batch), Batches.actions(batch));

        DampedKernel.Solution s = DampedKernel.of(k, 0.0).solve(delta);

        for (int i = 0; i < delta.length; i++) {
            double kz = 0;
            for (int j = 0; j < delta.length; j++) {
                kz += k[i][j] * s.z()[j];
            }
            assertThat(0.5 * kz).isCloseTo(0.5 * delta[i], within(1e-9 * Math.max(1.0, Math.abs(delta[i]))));
        }
        assertThat(s.fallback()).isFalse();
    }

    @Test
    void lineSearchShrinksTheStepUntilTheCosineReachesEta() {
        MultiLayerNetwork net = DenseNets.dense(7, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        List<StateActionRewardState<Integer>> batch = Batches.batch(8, 8, 4, 2, 50.0);
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(1.0).eta(0.999).shrink(0.5).maxTrials(30).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, conf, GAMMA, NO_CLAMP).compute(batch);

        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
        assertThat(u.cosineBefore()).isLessThan(0.999);
        assertThat(u.trials()).isGreaterThan(1);
        assertThat(u.cosineAfter()).isGreaterThanOrEqualTo(0.999);
        assertThat(u.stepFraction()).isEqualTo(Math.pow(0.5, u.trials() - 1));
    }

    /** Full steps only (one trial) and eta = 0.999: no trial is accepted on the 50-reward batch of seed 8. */
    private static PreQNUpdateAlgorithm oneTrialFailing(MultiLayerNetwork net, LineSearchFailurePolicy policy) {
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(1.0).eta(0.999).maxTrials(1)
                .failurePolicy(policy).build();
        return PreQNUpdateAlgorithm.of(net, conf, GAMMA, NO_CLAMP);
    }

    @Test
    void rejectPolicyRestoresThetaAndCountsTheFailure() {
        MultiLayerNetwork net = DenseNets.dense(7, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        List<StateActionRewardState<Integer>> batch = Batches.batch(8, 8, 4, 2, 50.0);
        double[] theta = DenseNets.params(net);
        PreQNUpdateAlgorithm algorithm = oneTrialFailing(net, LineSearchFailurePolicy.REJECT_STEP);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(PreQNUpdateAlgorithm.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);

        PreQNUpdate u;
        try {
            u = algorithm.compute(batch);
        } finally {
            logger.detachAppender(events);
        }

        assertThat(events.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
            assertThat(e.getFormattedMessage()).contains("preqn/line_search_failed").contains("policy=REJECT_STEP");
        });
        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.REJECTED);
        assertThat(u.stepFraction()).isZero();
        assertThat(DenseNets.params(net)).containsExactly(theta);
        assertThat(algorithm.lineSearchFailures()).isEqualTo(1);
    }

    @Test
    void keepSmallestPolicyKeepsTheLastTrialAndCountsTheFailure() {
        MultiLayerNetwork net = DenseNets.dense(7, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        double[] theta = DenseNets.params(net);
        PreQNUpdateAlgorithm algorithm = oneTrialFailing(net, LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL);

        PreQNUpdate u = algorithm.compute(Batches.batch(8, 8, 4, 2, 50.0));

        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.KEPT_SMALLEST_TRIAL);
        assertThat(u.stepFraction()).isEqualTo(1.0);
        assertThat(DenseNets.params(net)).isNotEqualTo(theta);
        assertThat(algorithm.lineSearchFailures()).isEqualTo(1);
    }

    @Test
    void updaterStateAndIterationCounterAreUnchangedByPreQNSteps() {
        MultiLayerNetwork net = DenseNets.dense(9, DataType.FLOAT, Activation.RELU, 4, 2, 16);
        net.fit(Nd4j.rand(DataType.FLOAT, 8, 4), Nd4j.rand(DataType.FLOAT, 8, 2));   // non-zero Adam state
        INDArray updaterState = net.getUpdater().getStateViewArray().dup();
        int iterations = net.getIterationCount();
        int epochs = net.getEpochCount();
        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), GAMMA, 1.0);
        double[] theta = DenseNets.params(net);

        for (int k = 0; k < 3; k++) {
            algorithm.compute(Batches.batch(10 + k, 8, 4, 2, 1.0));
        }

        assertThat(DenseNets.params(net)).isNotEqualTo(theta);
        assertThat(net.getUpdater().getStateViewArray()).isEqualTo(updaterState);
        assertThat(net.getIterationCount()).isEqualTo(iterations);
        assertThat(net.getEpochCount()).isEqualTo(epochs);
    }

    @Test
    void duplicateTransitionsMakeKSingularAndStillGiveAFiniteStep() {
        MultiLayerNetwork net = DenseNets.dense(11, DataType.FLOAT, Activation.RELU, 4, 2, 16);
        List<StateActionRewardState<Integer>> batch = new ArrayList<>(Batches.batch(12, 4, 4, 2, 1.0));
        for (int k = 0; k < 4; k++) {
            batch.add(batch.get(0));
        }
        PreQNConfiguration undamped = PreQNConfiguration.builder().damping(0.0).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, undamped, GAMMA, 1.0).compute(batch);

        assertThat(u.fallbackSolve()).isTrue();
        assertThat(u.conditionNumber()).isGreaterThan(1e6);
        assertThat(java.util.Arrays.stream(DenseNets.params(net)).allMatch(Double::isFinite)).isTrue();
        assertThat(u.outcome()).isNotEqualTo(PreQNUpdate.Outcome.SKIPPED_NON_FINITE);
    }

    @Test
    void dampedSolveOfASingularKernelIsFiniteWithoutTheFallback() {
        double[][] k = {{1, 1}, {1, 1}};

        DampedKernel.Solution s = DampedKernel.of(k, 1e-6).solve(new double[] {1, -1});

        assertThat(s.fallback()).isFalse();
        assertThat(java.util.Arrays.stream(s.z()).allMatch(Double::isFinite)).isTrue();
        assertThat(s.lambda()).isEqualTo(1e-6);
        assertThat(s.conditionNumber()).isGreaterThan(1e5); // dpocon estimate of cond(K + lambda I), lambda = 1e-6
    }

    @Test
    void nanRewardSkipsTheUpdateAndLeavesThetaUntouched() {
        MultiLayerNetwork net = DenseNets.dense(13, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        List<StateActionRewardState<Integer>> batch = new ArrayList<>(Batches.batch(14, 6, 4, 2, 1.0));
        StateActionRewardState<Integer> t = batch.get(1);
        batch.set(1, Batches.transition(t.getObservation().getChannelData(0).toDoubleVector(), t.getAction(),
                Double.NaN, false, t.getNextObservation().getChannelData(0).toDoubleVector()));
        double[] theta = DenseNets.params(net);
        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), GAMMA, 1.0);

        PreQNUpdate u = algorithm.compute(batch);

        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.SKIPPED_NON_FINITE);
        assertThat(algorithm.skippedUpdates()).isEqualTo(1);
        assertThat(DenseNets.params(net)).containsExactly(theta);
    }

    @Test
    void infiniteNextStateQSkipsTheUpdateAndLeavesThetaUntouched() {
        MultiLayerNetwork net = DenseNets.dense(13, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        List<StateActionRewardState<Integer>> batch = new ArrayList<>(Batches.batch(15, 6, 4, 2, 1.0));
        StateActionRewardState<Integer> t = batch.get(0);   // index 0 is not terminal
        batch.set(0, Batches.transition(t.getObservation().getChannelData(0).toDoubleVector(), t.getAction(), 0.0,
                false, new double[] {Double.POSITIVE_INFINITY, 0, 0, 0}));
        double[] theta = DenseNets.params(net);
        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), GAMMA, 1.0);

        PreQNUpdate u = algorithm.compute(batch);

        assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.SKIPPED_NON_FINITE);
        assertThat(DenseNets.params(net)).containsExactly(theta);
    }

    @Test
    void inheritedRl4jErrorClampBoundsTheTdErrorUsedForTheStep() {
        MultiLayerNetwork net = DenseNets.dense(16, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        PreQNConfiguration inherit = PreQNConfiguration.builder().inheritRl4jErrorClamp().build();

        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, inherit, GAMMA, 0.5);
        PreQNUpdate u = algorithm.compute(Batches.batch(17, 8, 4, 2, 100.0));

        assertThat(u.deltaMaxAbs()).isEqualTo(0.5);
        assertThat(algorithm.errorClamp()).isEqualTo(0.5);
    }

    @Test
    void defaultsIgnoreRl4jErrorClamp() {
        MultiLayerNetwork net = DenseNets.dense(16, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        List<StateActionRewardState<Integer>> batch = Batches.batch(17, 8, 4, 2, 100.0);
        double raw = Arrays.stream(TdErrors.delta(net, batch, GAMMA)).map(Math::abs).max().orElseThrow();

        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), GAMMA, 0.5);
        PreQNUpdate u = algorithm.compute(batch);

        assertThat(raw).isGreaterThan(5.0);
        assertThat(u.deltaMaxAbs()).isCloseTo(raw, within(1e-4 * raw));
        assertThat(algorithm.errorClamp()).isNaN();
    }

    @Test
    void ownTdErrorClampBoundsTheTdErrorWhateverRl4jSays() {
        MultiLayerNetwork net = DenseNets.dense(16, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        PreQNConfiguration own = PreQNConfiguration.builder().tdErrorClamp(0.25).build();

        PreQNUpdate u = PreQNUpdateAlgorithm.of(net, own, GAMMA, 0.5).compute(Batches.batch(17, 8, 4, 2, 100.0));

        assertThat(u.deltaMaxAbs()).isEqualTo(0.25);
    }

    /** |delta| of the single transition {@code t} as PreQN computes it with a target network. */
    private static double deltaMaxAbsWithTarget(MultiLayerNetwork online, MultiLayerNetwork target,
            PreQNConfiguration conf, StateActionRewardState<Integer> t) {
        return PreQNUpdateAlgorithm.of(new org.deeplearning4j.rl4j.network.dqn.DQN(online),
                new org.deeplearning4j.rl4j.network.dqn.DQN(target), conf, GAMMA, NO_CLAMP).compute(List.of(t))
                .deltaMaxAbs();
    }

    @Test
    void targetNetworkSuppliesTheBootstrapValue() {
        MultiLayerNetwork online = DenseNets.dense(18, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        MultiLayerNetwork target = DenseNets.dense(19, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        StateActionRewardState<Integer> t = Batches.transition(new double[] {1, 0, 0, 0}, 1, 0.25, false,
                new double[] {0, 1, 0, 0});
        double expected = 0.25 + GAMMA * TdErrors.qTaken(target, List.of(Batches.transition(
                new double[] {0, 1, 0, 0}, argMax(target, new double[] {0, 1, 0, 0}), 0, true, new double[4])))[0]
                - TdErrors.qTaken(online, List.of(t))[0];
        PreQNConfiguration conf = PreQNConfiguration.builder().targetNetwork(true).build();

        assertThat(deltaMaxAbsWithTarget(online, target, conf, t)).isCloseTo(Math.abs(expected), within(1e-12));
    }

    @Test
    void doubleQEvaluatesTheOnlineGreedyActionWithTheTargetNetwork() {
        MultiLayerNetwork online = DenseNets.dense(18, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        MultiLayerNetwork target = DenseNets.dense(19, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        double[] next = {0, 1, 0, 0};
        StateActionRewardState<Integer> t = Batches.transition(new double[] {1, 0, 0, 0}, 0, 0.25, false, next);
        double qTargetAtOnlineGreedy = target.output(Nd4j.createFromArray(next).reshape(1, 4), false)
                .getDouble(0, argMax(online, next));
        double expected = 0.25 + GAMMA * qTargetAtOnlineGreedy - TdErrors.qTaken(online, List.of(t))[0];
        PreQNConfiguration conf = PreQNConfiguration.builder().targetNetwork(true).doubleQ(true).build();

        assertThat(deltaMaxAbsWithTarget(online, target, conf, t)).isCloseTo(Math.abs(expected), within(1e-12));
    }

    /** PreQN on a fresh network bound to the RL4J network {@code rl4j}. */
    private static PreQNUpdateAlgorithm boundTo(IOutputNeuralNet rl4j) {
        MultiLayerNetwork net = DenseNets.dense(20, DataType.FLOAT, Activation.RELU, 4, 2, 8);
        return new PreQNUpdateAlgorithm(new BoundNetwork(rl4j, net), null, PreQNConfiguration.defaults(), GAMMA, 1.0);
    }

    @Test
    void rl4jOutputCacheIsInvalidatedAfterTheStep() {
        IOutputNeuralNet rl4j = mock(IOutputNeuralNet.class);
        PreQNUpdateAlgorithm algorithm = boundTo(rl4j);

        PreQNUpdate u = algorithm.compute(Batches.batch(21, 8, 4, 2, 1.0));

        assertThat(u.changedParameters()).isTrue();
        verify(rl4j, atLeastOnce()).reset();
    }

    @Test
    void skippedUpdateDoesNotTouchTheRl4jNetwork() {
        IOutputNeuralNet rl4j = mock(IOutputNeuralNet.class);
        PreQNUpdateAlgorithm algorithm = boundTo(rl4j);
        List<StateActionRewardState<Integer>> batch = List.of(Batches.transition(new double[4], 0, Double.NaN,
                true, new double[4]));

        algorithm.compute(batch);

        verify(rl4j, never()).reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void targetIsSynchronisedEveryTargetUpdateFrequencyUpdates() {
        ITrainableNeuralNet current = mock(ITrainableNeuralNet.class);
        ITrainableNeuralNet target = mock(ITrainableNeuralNet.class);
        TargetSync sync = new TargetSync(current, target, 3);

        for (int k = 0; k < 7; k++) {
            sync.update(null);
        }

        verify(target, times(2)).copyFrom(current);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutATargetNetworkNothingIsSynchronised() {
        ITrainableNeuralNet current = mock(ITrainableNeuralNet.class);
        TargetSync sync = new TargetSync(current, null, 1);

        for (int k = 0; k < 3; k++) {
            sync.update(null);
        }

        verify(current, never()).copyFrom(org.mockito.ArgumentMatchers.any());
    }

    @Test
    void stepSizeIsTheConfiguredAlpha() {
        MultiLayerNetwork net = DenseNets.dense(22, DataType.FLOAT, Activation.RELU, 4, 2, 8);

        assertThat(PreQNUpdateAlgorithm.of(net, PreQNConfiguration.builder().alpha(0.25).build(), GAMMA, 1.0)
                .stepSize()).isEqualTo(0.25);
    }

    @Test
    void gammaOutsideTheClosedUnitIntervalIsRejectedWithFieldRangeAndValue() {
        MultiLayerNetwork net = DenseNets.dense(23, DataType.FLOAT, Activation.RELU, 4, 2, 8);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), 1.5, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gamma must be in [0, 1], got 1.5");
        assertThat(PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), 1.0, 1.0).gamma()).isEqualTo(1.0);
    }

    private static int argMax(MultiLayerNetwork net, double[] s) {
        return net.output(Nd4j.createFromArray(s).reshape(1, s.length), false).argMax(1).getInt(0);
    }
}
