package dev.rl4j.lab.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.lab.testbed.BairdCounterexample;
import dev.rl4j.lab.testbed.TestbedRun;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNUpdate;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PreQN on Baird's counterexample in Q-learning form, on the same stream of minibatches (seed 1) on which semi-gradient
 * Q-learning without a target network diverges (TestbedKnownAnswersTest): it converges toward the true values, all zero.
 */
class BairdPreQNTest {

    @Test
    void preqnConvergesTowardTheTrueValuesWhereSemiGradientQLearningDiverges() {
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.DOUBLE);
        INDArray allStates = Nd4j.create(BairdCounterexample.featureMatrix());
        double start = TestbedRun.maxAbs(net.output(allStates));
        // minibatches repeat (s, a) pairs with different next states, so delta is not in the range of K: the step moves
        // Q by the least-squares projection of alpha * delta, whose cosine with delta is below 0.95; eta = 0 accepts it
        PreQNUpdateAlgorithm preqn = PreQNUpdateAlgorithm.of(net,
                PreQNConfiguration.builder().alpha(1.0).eta(0.0).build(), BairdCounterexample.GAMMA, Double.NaN);
        Random random = new Random(1);
        double[] trace = new double[1001];
        trace[0] = start;
        for (int t = 1; t <= 1000; t++) {
            PreQNUpdate u = preqn.compute(TestbedRun.rl4j(BairdCounterexample.sample(random, 32)));
            assertThat(u.outcome()).isEqualTo(PreQNUpdate.Outcome.ACCEPTED);
            assertThat(u.cosineAfter()).isGreaterThan(0.0);
            trace[t] = TestbedRun.maxAbs(net.output(allStates));
        }
        // the full-batch rate is 1 - alpha (1 - gamma) = 0.99 per update: 0.99^1000 = 4e-5; minibatches are slower
        assertThat(trace[1000]).isLessThan(start / 10);
        assertThat(trace[1000]).isLessThan(trace[500]);
        assertThat(trace[500]).isLessThan(trace[0]);
    }
}
