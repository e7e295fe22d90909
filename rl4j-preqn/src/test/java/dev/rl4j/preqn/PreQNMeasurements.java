package dev.rl4j.preqn;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * JUnit-free measurements behind the defaults and the timing note in README-swap.md. Not a test; run with
 * {@code java -cp <test classpath> dev.rl4j.preqn.PreQNMeasurements timing|cartpole [steps] [seeds]}.
 */
final class PreQNMeasurements {

    private PreQNMeasurements() {
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "timing";
        if (what.equals("dqn")) {
            dqn(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else if (what.equals("timing")) {
            timing(32, 4, 64);
            timing(32, 4, 256);
            timing(256, 4, 256);
        } else {
            int steps = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
            int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
            cartpole(PreQNConfiguration.defaults(), steps, seeds);
            cartpole(PreQNConfiguration.builder().alpha(0.5).build(), steps, seeds);
            cartpole(PreQNConfiguration.builder().damping(1e-3).build(), steps, seeds);
            cartpole(PreQNConfiguration.builder().failurePolicy(LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL).build(),
                    steps, seeds);
            cartpole(PreQNConfiguration.builder().alpha(0.02).build(), steps, seeds);
        }
    }

    /** Times compute() on a synthetic batch: n pairs, d inputs, two hidden layers of width w, 2 actions, FLOAT. */
    static void timing(int n, int d, int w) {
        MultiLayerNetwork net = Fixtures.net(1, DataType.FLOAT, Activation.RELU, d, 2, w, w);
        PreQNUpdateAlgorithm algorithm = PreQNUpdateAlgorithm.of(net, PreQNConfiguration.defaults(), 0.99, 1.0);
        List<List<StateActionRewardState<Integer>>> batches = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            batches.add(Fixtures.batch(k, n, d, 2, 1.0));
        }
        for (int k = 0; k < 100; k++) {
            algorithm.compute(batches.get(k % batches.size()));
        }
        int reps = 300;
        double kernel = 0;
        double solve = 0;
        double step = 0;
        double trials = 0;
        long t0 = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            PreQNUpdate u = algorithm.compute(batches.get(k % batches.size()));
            kernel += u.kernelNanos() / 1e6 / reps;
            solve += u.solveNanos() / 1e6 / reps;
            step += u.stepNanos() / 1e6 / reps;
            trials += (double) u.trials() / reps;
        }
        double total = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("timing N=%d net=%d-%d-%d-2 float: total %.3f ms/update (kernel %.3f, solve %.3f, "
                + "step+line search %.3f, mean trials %.2f)%n", n, d, w, w, total, kernel, solve, step, trials);
    }

    static void cartpole(PreQNConfiguration preqn, int steps, int seeds) {
        double lastMeanSum = 0;
        double failureRate = 0;
        long t0 = System.nanoTime();
        for (int seed = 1; seed <= seeds; seed++) {
            PreQNDiscreteDense<Box> learner = new PreQNDiscreteDense<>(new CartpoleNative(seed),
                    SwapInTest.legacyNetwork64(), SwapInTest.legacyConfiguration(seed, steps), preqn);
            List<Double> rewards = new ArrayList<>();
            learner.addListener(new RewardRecorder(rewards));
            learner.train();
            int last = Math.min(20, rewards.size());
            double mean = 0;
            for (int i = rewards.size() - last; i < rewards.size(); i++) {
                mean += rewards.get(i) / last;
            }
            lastMeanSum += mean;
            failureRate += (double) learner.updateAlgorithm().lineSearchFailures()
                    / Math.max(1, learner.updateAlgorithm().updates());
        }
        System.out.printf("cartpole alpha=%.2f damping=%.0e policy=%s steps=%d seeds=%d: mean episode length "
                + "(last 20 episodes) %.1f, line-search failure rate %.3f, %.1f s%n", preqn.alpha(), preqn.damping(),
                preqn.failurePolicy(), steps, seeds, lastMeanSum / seeds, failureRate / seeds,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Baseline: RL4J's QLearningDiscreteDense with the same MDP, network (Adam 1e-3) and configuration. */
    static void dqn(int steps, int seeds) {
        double lastMeanSum = 0;
        long t0 = System.nanoTime();
        for (int seed = 1; seed <= seeds; seed++) {
            org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense<Box> learner =
                    new org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense<>(
                            new CartpoleNative(seed), SwapInTest.legacyNetwork64(),
                            SwapInTest.legacyConfiguration(seed, steps));
            List<Double> rewards = new ArrayList<>();
            learner.addListener(new RewardRecorder(rewards));
            learner.train();
            int last = Math.min(20, rewards.size());
            double mean = 0;
            for (int i = rewards.size() - last; i < rewards.size(); i++) {
                mean += rewards.get(i) / last;
            }
            lastMeanSum += mean;
        }
        System.out.printf("cartpole DQN (QLearningDiscreteDense, Adam 1e-3) steps=%d seeds=%d: mean episode length "
                + "(last 20 episodes) %.1f, %.1f s%n", steps, seeds, lastMeanSum / seeds, (System.nanoTime() - t0) / 1e9);
    }

    private record RewardRecorder(List<Double> rewards) implements TrainingListener {
        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
            rewards.add(statEntry.getReward());
            return ListenerResponse.CONTINUE;
        }

        @Override
        public ListenerResponse onTrainingProgress(ILearning learning) {
            return ListenerResponse.CONTINUE;
        }
    }
}
