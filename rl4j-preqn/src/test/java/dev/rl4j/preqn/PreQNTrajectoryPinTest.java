package dev.rl4j.preqn;

import dev.rl4j.testing.DenseNets;
import dev.rl4j.testing.Batches;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Pins short PreQN trajectories bit for bit: the final parameters and every update's telemetry (except timings) are
 * hashed and compared with the values recorded before the update was restructured. A change of operation order in
 * targets, kernel, solve, step or line search changes the hash.
 */
class PreQNTrajectoryPinTest {

    private static final double GAMMA = 0.95;

    @Test
    void defaultFloatTrajectoryIsBitIdentical() throws Exception {
        MultiLayerNetwork net = DenseNets.dense(31, DataType.FLOAT, Activation.RELU, 4, 2, 16, 16);
        // pinned before 0.2, when PreQN clamped with RL4J's errorClamp: inherit it to replay the same trajectory
        PreQNConfiguration conf = PreQNConfiguration.builder().inheritRl4jErrorClamp().build();
        assertThat(run(PreQNUpdateAlgorithm.of(net, conf, GAMMA, 1.0), net, 32, 1.0))
                .isEqualTo("205f2a48f0670ad51f94626b59824bfc569f6801fe2384d59f9e4e8ba50ff45a");
    }

    @Test
    void aggressiveDoubleTrajectoryWithKeepSmallestAndFailuresIsBitIdentical() throws Exception {
        MultiLayerNetwork net = DenseNets.dense(32, DataType.DOUBLE, Activation.TANH, 4, 3, 12);
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(1.0).eta(0.99).shrink(0.7).maxTrials(4)
                .damping(1e-3).failurePolicy(LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL).build();
        assertThat(run(PreQNUpdateAlgorithm.of(net, conf, GAMMA, Double.NaN), net, 16, 20.0))
                .isEqualTo("3dba347e44d625d2970c0bb7611191edf541e65cbbaf2cdf1062a48901be799e");
    }

    @Test
    void targetNetworkDoubleQTrajectoryWithSingularKernelsIsBitIdentical() throws Exception {
        MultiLayerNetwork online = DenseNets.dense(33, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        MultiLayerNetwork target = DenseNets.dense(34, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(0.5).damping(0.0).targetNetwork(true)
                .doubleQ(true).inheritRl4jErrorClamp().build();
        PreQNUpdateAlgorithm preqn = PreQNUpdateAlgorithm.of(new DQN(online), new DQN(target), conf, GAMMA, 1.0);
        assertThat(run(preqn, online, 12, 1.0)).isEqualTo("96d9982f56c9993a05c5a5329595bd402463820262ab7a03968237d2a455c83f");
    }

    @Test
    void rejectingTrajectoryIsBitIdentical() throws Exception {
        MultiLayerNetwork net = DenseNets.dense(35, DataType.DOUBLE, Activation.RELU, 4, 2, 8);
        PreQNConfiguration conf = PreQNConfiguration.builder().alpha(1.0).eta(0.995).maxTrials(2).build();
        assertThat(run(PreQNUpdateAlgorithm.of(net, conf, GAMMA, Double.NaN), net, 8, 50.0))
                .isEqualTo("8d5a6316a578189a7fb10f2d165b3cce92b3bf5e73375b8538b0cf38e087596f");
    }

    /** 8 updates; every other batch repeats its first transitions so that K is singular there. */
    private static String run(PreQNUpdateAlgorithm preqn, MultiLayerNetwork net, int n, double rewardScale)
            throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (int k = 0; k < 8; k++) {
            List<StateActionRewardState<Integer>> batch = new ArrayList<>(Batches.batch(100 + k, n, 4,
                    (int) net.getLayer(net.getnLayers() - 1).getParam("b").length(), rewardScale));
            if (k % 2 == 1) {
                for (int j = 0; j < n / 4; j++) {
                    batch.set(n - 1 - j, batch.get(j));
                }
            }
            PreQNUpdate u = preqn.compute(batch);
            String telemetry = u.update() + " " + u.batchSize() + " " + u.outcome() + " " + u.cosineBefore() + " "
                    + u.cosineAfter() + " " + u.stepFraction() + " " + u.trials() + " " + u.conditionNumber() + " "
                    + u.lambda() + " " + u.fallbackSolve() + " " + u.deltaMeanAbs() + " " + u.deltaMaxAbs();
            sha.update(telemetry.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        for (double p : DenseNets.params(net)) {
            buf.clear();
            sha.update(buf.putLong(Double.doubleToRawLongBits(p)).array());
        }
        sha.update((preqn.skippedUpdates() + " " + preqn.lineSearchFailures() + " " + preqn.solveFailures())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
