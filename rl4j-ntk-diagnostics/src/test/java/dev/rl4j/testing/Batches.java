package dev.rl4j.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded random states, actions and RL4J transition batches. */
public final class Batches {

    private Batches() {
    }

    /** n x d standard normal states in double, from ND4J's generator seeded by {@code seed}. */
    public static INDArray states(long seed, int n, int d) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, n, d);
    }

    /** n actions uniform in [0, numActions), from {@code java.util.Random(seed)}. */
    public static int[] actions(long seed, int n, int numActions) {
        Random r = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(numActions);
        }
        return a;
    }

    /** n random transitions; every third is terminal; rewards in [-1, 1] times rewardScale. */
    public static List<StateActionRewardState<Integer>> batch(long seed, int n, int d, int numActions,
            double rewardScale) {
        Random r = new Random(seed);
        List<StateActionRewardState<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(transition(randomRow(r, d), r.nextInt(numActions), rewardScale * (2 * r.nextDouble() - 1),
                    i % 3 == 2, randomRow(r, d)));
        }
        return out;
    }

    /** One RL4J transition s -a, r-> next. */
    public static StateActionRewardState<Integer> transition(double[] s, int a, double reward, boolean terminal,
            double[] next) {
        StateActionRewardState<Integer> t = new StateActionRewardState<>(observation(s), a, reward, terminal);
        t.setNextObservation(observation(next));
        return t;
    }

    /** A 1 x d observation. */
    public static Observation observation(double[] s) {
        return new Observation(Nd4j.createFromArray(s).reshape(1, s.length));
    }

    private static double[] randomRow(Random r, int d) {
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = r.nextGaussian();
        }
        return s;
    }

    /** The batch's states stacked into an N x d matrix in double. */
    public static INDArray states(List<StateActionRewardState<Integer>> batch) {
        INDArray[] rows = new INDArray[batch.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = batch.get(i).getObservation().getChannelData(0).castTo(DataType.DOUBLE);
        }
        return Nd4j.concat(0, rows);
    }

    /** The batch's actions. */
    public static int[] actions(List<StateActionRewardState<Integer>> batch) {
        return batch.stream().mapToInt(StateActionRewardState::getAction).toArray();
    }
}
