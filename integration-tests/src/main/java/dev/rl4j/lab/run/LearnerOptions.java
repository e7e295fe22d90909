package dev.rl4j.lab.run;

import picocli.CommandLine.Option;

/**
 * The learner options of {@code run} and {@code regress}: {@code --algo}, the negatable {@code --target/--no-target}
 * and {@code --lr}. Unset target and learning rate mean the learner's own defaults ({@link CartpoleSettings#defaults}).
 */
final class LearnerOptions {

    @Option(names = "--algo", converter = Algo.Converter.class,
            description = "dqn (RL4J's DQN: Adam, target network) | ddqn (double DQN) | preqn (PreQN: no Adam, no "
                    + "target network) on CartPole; q-learning (semi-gradient, the old 'dqn') | preqn on a linear "
                    + "testbed (default ${DEFAULT-VALUE})")
    Algo algo;

    @Option(names = "--target", negatable = true,
            description = "target network synced every 100 updates, or --no-target: synced after every update "
                    + "(default: on for dqn and ddqn, off for preqn)")
    Boolean target;

    @Option(names = "--lr", description = "Adam learning rate of dqn/ddqn on CartPole (default 0.001); step size alpha "
            + "on a testbed (default 0.05 for q-learning, 1.0 for preqn)")
    Double lr;

    /** Default learner DQN. */
    public LearnerOptions() {
        this(Algo.DQN);
    }

    /** @param defaultAlgo the command's default learner */
    public LearnerOptions(Algo defaultAlgo) {
        this.algo = defaultAlgo;
    }

    public Algo algo() {
        return algo;
    }

    /** The explicit step size or learning rate, or {@code fallback} when {@code --lr} was not given. */
    public double lr(double fallback) {
        return lr != null ? lr : fallback;
    }

    /** RL4J's defaults for the learner with these options applied; rejects the testbed-only learner. */
    public CartpoleSettings cartpole(long seed, int steps) {
        if (algo == Algo.Q_LEARNING) {
            throw new IllegalArgumentException("--algo q-learning runs on the linear testbeds only (--env baird|w2w); "
                    + "on CartPole use dqn, ddqn or preqn");
        }
        CartpoleSettings s = CartpoleSettings.defaults(algo, seed, steps).withLearningRate(lr(1e-3));
        return target == null ? s : s.withTargetNetwork(target);
    }

    /** As {@link #cartpole(long, int)} with the task's episode cap. */
    public CartpoleSettings settings(Task task, long seed, int steps) {
        return cartpole(seed, steps).withEpisodeCap(task.episodeCap());
    }
}
