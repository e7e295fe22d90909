package dev.rl4j.lab.testbed;

import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NextStateKernel;
import dev.rl4j.ntk.StabilityMetrics;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Runs a learner on a linear testbed's stream of minibatches and watches it with the NTK metrics: semi-gradient
 * Q-learning without a target network ({@code dqn}) or PreQN ({@code preqn}) on a linear Q-network in double.
 * RL4J's own learners pick their behaviour policy (epsilon-greedy), while the testbeds' known answers assume a fixed
 * behaviour policy, so the testbeds are driven here with RL4J's update algorithms on their own data.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class TestbedRun {

    private TestbedRun() {
    }

    /**
     * Outcome of a testbed run.
     *
     * @param startMaxAbsQ     max |Q| over the testbed's states before training
     * @param endMaxAbsQ       after the last update
     * @param divergedAt       first update at which max |Q| passed 10x its start, -1 if never
     * @param flaggedAt        first probed update (dqn only) where {@link FindingRules#offlineStrict()} finds
     *                         SELF_EXCITING (SEEM > 0), or NO_CONTRACTION (beta >= 1) with OVER_GENERALIZATION (eq. 17
     *                         failing on some row); -1 if never
     */
    public record Outcome(double startMaxAbsQ, double endMaxAbsQ, int divergedAt, int flaggedAt) {
    }

    /** Baird's counterexample in Q-learning form (8 features, 2 actions). */
    public static Outcome baird(String algo, double alpha, int updates, long seed, int probeEvery) {
        MultiLayerNetwork net = BairdCounterexample.linearQNetwork(DataType.DOUBLE);
        Random random = new Random(seed);
        return run(net, Nd4j.create(BairdCounterexample.featureMatrix()), () -> BairdCounterexample.sample(random, 32),
                algo, alpha, BairdCounterexample.GAMMA, updates, probeEvery);
    }

    /** w -> 2w: one transition s1 -> s2 with features 1 and 2, single action, at the given gamma. */
    public static Outcome twoStateDoubling(String algo, double alpha, double gamma, int updates, int probeEvery) {
        MultiLayerNetwork net = scalarValueNetwork();
        return run(net, Nd4j.create(new double[][] {{TwoStateDoubling.X1}, {TwoStateDoubling.X2}}),
                TwoStateDoubling::batch, algo, alpha, gamma, updates, probeEvery);
    }

    /** v(s) = w x(s) with one scalar feature, no bias, w = 1, in double: the network of w -> 2w and Tsitsiklis-Van Roy. */
    public static MultiLayerNetwork scalarValueNetwork() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(1).nOut(1).hasBias(false)
                        .activation(Activation.IDENTITY).build()).build());
        net.init();
        net.params().assign(1.0);
        return net;
    }

    private static Outcome run(MultiLayerNetwork net, INDArray allStates, java.util.function.Supplier<TransitionBatch> data,
            String algo, double alpha, double gamma, int updates, int probeEvery) {
        double start = maxAbs(net.output(allStates));
        SemiGradientQLearning sgd = algo.equals("dqn") ? new SemiGradientQLearning(net, alpha, gamma) : null;
        PreQNUpdateAlgorithm preqn = algo.equals("preqn")
                ? PreQNUpdateAlgorithm.of(net, PreQNConfiguration.builder().alpha(Math.min(alpha, 1.0)).eta(0.0).build(),
                        gamma, Double.NaN)
                : null;
        if (sgd == null && preqn == null) {
            throw new IllegalArgumentException("--algo must be dqn or preqn on a testbed, got '" + algo + "'");
        }
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        int diverged = -1;
        int flagged = -1;
        for (int t = 0; t < updates; t++) {
            TransitionBatch b = data.get();
            if (t % probeEvery == 0 && flagged < 0 && sgd != null) {
                INDArray s = b.stateArray(DataType.DOUBLE);
                double[][] k = ntk.gram(s, b.actions());
                double[][] kNext = NextStateKernel.of(net, ntk, s, b.actions(), b.nextStates(), b.terminal());
                List<FindingKind> kinds = FindingRules.offlineStrict().evaluate(StabilityMetrics.of(k, kNext, gamma, alpha))
                        .stream().map(Finding::kind).toList();
                if (kinds.contains(FindingKind.SELF_EXCITING) || (kinds.contains(FindingKind.NO_CONTRACTION)
                        && kinds.contains(FindingKind.OVER_GENERALIZATION))) {
                    flagged = t;
                }
            }
            if (sgd != null) {
                sgd.update(b);
            } else {
                preqn.compute(rl4j(b));
            }
            double q = maxAbs(net.output(allStates));
            if (diverged < 0 && (q > 10 * start || !Double.isFinite(q))) {
                diverged = t;
            }
        }
        return new Outcome(start, maxAbs(net.output(allStates)), diverged, flagged);
    }

    /** max |Q| over every entry of a network output. */
    public static double maxAbs(INDArray q) {
        return Math.max(Math.abs(q.maxNumber().doubleValue()), Math.abs(q.minNumber().doubleValue()));
    }

    /** The batch as RL4J transitions (what PreQN's update algorithm consumes in both pipelines). */
    public static List<StateActionRewardState<Integer>> rl4j(TransitionBatch b) {
        List<StateActionRewardState<Integer>> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            StateActionRewardState<Integer> t = new StateActionRewardState<>(observation(b.states()[i]), b.actions()[i],
                    b.rewards()[i], b.terminal()[i]);
            t.setNextObservation(observation(b.nextStates()[i]));
            out.add(t);
        }
        return out;
    }

    private static Observation observation(double[] x) {
        return new Observation(Nd4j.createFromArray(x).reshape(1, x.length));
    }
}
