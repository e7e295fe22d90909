package dev.rl4j.lab.run;

import dev.rl4j.lab.study.CartpoleStates;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a trained learner is measured by after {@code train()} (so the training RNG is untouched): the mean
 * return of greedy episodes on a separate environment ({@code greedy_return}; episode cap as configured, raw
 * environment rewards) and max|Q| over a fixed set of states ({@code max_abs_q}: the 64-state rollout
 * {@link CartpoleStates#rollout}, both actions), with the soft-divergence bound r_max * rewardFactor / (1 - gamma)
 * ({@code q_bound}) it should stay below.
 *
 * @param greedyReturn  mean return of the greedy episodes; NaN when none were played
 * @param greedyEpisodes greedy episodes played
 * @param maxAbsQ       max over the fixed states and actions of |Q(s, a)|
 * @param qBound        r_max * rewardFactor / (1 - gamma), r_max = 1 on CartPole
 */
record TrainedEvaluation(double greedyReturn, int greedyEpisodes, double maxAbsQ, double qBound) {

    /** Seed offset of the evaluation environment: never the training environment's seed. */
    static final int EVAL_SEED_OFFSET = 1_000_003;

    static TrainedEvaluation of(QLearningDiscrete<?> learner, CartpoleSettings s, double gamma) {
        return of(learner, Task.CARTPOLE, s, gamma);
    }

    /** As {@link #of(QLearningDiscrete, CartpoleSettings, double)} on the task's MDP and reward bound. */
    static TrainedEvaluation of(QLearningDiscrete<?> learner, Task task, CartpoleSettings s, double gamma) {
        MultiLayerNetwork net = network(learner);
        double sum = 0;
        MDP<Box, Integer, DiscreteSpace> env = task.mdp(s.seed() + EVAL_SEED_OFFSET);
        for (int e = 0; e < s.evalEpisodes(); e++) {
            Box obs = env.reset();
            double ret = 0;
            for (int t = 0; t < s.episodeCap() && !env.isDone(); t++) {
                StepReply<Box> reply = env.step(greedy(net, obs));
                ret += reply.getReward();
                obs = reply.getObservation();
            }
            sum += ret;
        }
        env.close();
        INDArray q = net.output(fixedStates(task, s.seed()).castTo(net.params().dataType()), false);
        double maxAbsQ = q.amaxNumber().doubleValue();
        return new TrainedEvaluation(s.evalEpisodes() == 0 ? Double.NaN : sum / s.evalEpisodes(), s.evalEpisodes(),
                maxAbsQ, s.rewardFactor() * task.softBound(gamma));
    }

    /**
     * The 64 fixed states max|Q| is taken over: CartPole's {@link CartpoleStates#rollout} (as before tasks existed),
     * otherwise the observations of a uniformly random policy on the task's MDP seeded apart from training.
     */
    static INDArray fixedStates(Task task, long seed) {
        if (task == Task.CARTPOLE) {
            return CartpoleStates.rollout(64, (int) seed).toArray(DataType.DOUBLE);
        }
        MDP<Box, Integer, DiscreteSpace> env = task.mdp(seed + 2L * EVAL_SEED_OFFSET);
        java.util.Random actions = new java.util.Random(seed);
        double[][] rows = new double[64][];
        Box obs = env.reset();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = obs.getData().castTo(DataType.DOUBLE).toDoubleVector();
            StepReply<Box> reply = env.step(actions.nextInt(task.actionCount()));
            obs = env.isDone() ? env.reset() : reply.getObservation();
        }
        env.close();
        return Nd4j.create(rows);
    }

    private static int greedy(MultiLayerNetwork net, Box obs) {
        INDArray x = obs.getData().reshape(1, -1).castTo(net.params().dataType());
        return net.output(x, false).argMax(1).getInt(0);
    }

    private static MultiLayerNetwork network(QLearningDiscrete<?> learner) {
        NeuralNetwork[] nns = learner.getNeuralNet().getNeuralNetworks();
        if (nns.length == 1 && nns[0] instanceof MultiLayerNetwork m) {
            return m;
        }
        throw new IllegalArgumentException("the learner's network must be one MultiLayerNetwork, got " + nns.length
                + " networks");
    }
}
