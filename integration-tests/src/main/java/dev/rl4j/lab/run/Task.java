package dev.rl4j.lab.run;

import dev.rl4j.lab.env.Acrobot;
import dev.rl4j.lab.env.ClassicControlMdp;
import dev.rl4j.lab.env.MountainCar;
import java.util.function.LongFunction;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/**
 * The RL tasks {@code run} and {@code regress} train on, with what the learner needs to know of each: the MDP
 * (legacy pipeline), the network's input and output sizes, the episode cap and the reward bound. The cap is applied
 * as RL4J's {@code maxEpochStep}, a truncation: the MDPs never report it as terminal, so the capped transition is
 * bootstrapped (CartPole's cap is treated the same way).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Task {
    /** RL4J's {@code CartpoleNative}, capped at 200 steps as CartPole-v0; reward +1 per step. */
    CARTPOLE("CartpoleNative", 4, 2, 200, 1.0, 195.0, seed -> new CartpoleNative((int) seed)),
    /** Gym's Acrobot-v1 ({@link Acrobot}); reward -1 per step, cap 500. */
    ACROBOT("Acrobot-v1", 6, 3, Acrobot.TIME_LIMIT, 1.0, -100.0, ClassicControlMdp::acrobot),
    /** Gym's MountainCar-v0 ({@link MountainCar}); reward -1 per step, cap 200. */
    MOUNTAINCAR("MountainCar-v0", 2, 3, MountainCar.TIME_LIMIT, 1.0, -110.0, ClassicControlMdp::mountainCar);

    private final String title;
    private final int observationSize;
    private final int actionCount;
    private final int episodeCap;
    private final double rewardBound;
    private final double solvedReturn;
    private final LongFunction<MDP<Box, Integer, DiscreteSpace>> mdp;

    Task(String title, int observationSize, int actionCount, int episodeCap, double rewardBound, double solvedReturn,
            LongFunction<MDP<Box, Integer, DiscreteSpace>> mdp) {
        this.title = title;
        this.observationSize = observationSize;
        this.actionCount = actionCount;
        this.episodeCap = episodeCap;
        this.rewardBound = rewardBound;
        this.solvedReturn = solvedReturn;
        this.mdp = mdp;
    }

    /** A new MDP seeded with {@code seed}. */
    public MDP<Box, Integer, DiscreteSpace> mdp(long seed) {
        return mdp.apply(seed);
    }

    /** The task's name in reports, e.g. {@code Acrobot-v1}. */
    public String title() {
        return title;
    }

    /** Network inputs. */
    public int observationSize() {
        return observationSize;
    }

    /** Network outputs. */
    public int actionCount() {
        return actionCount;
    }

    /** Steps per episode before truncation (Gym's {@code max_episode_steps}; CartPole-v0's 200). */
    public int episodeCap() {
        return episodeCap;
    }

    /**
     * The mean return over 100 episodes at which Gym registers the task as solved ({@code reward_threshold}):
     * CartPole-v0 195, Acrobot-v1 -100, MountainCar-v0 -110; {@code regress}'s default expectation.
     */
    public double solvedReturn() {
        return solvedReturn;
    }

    /** Largest |reward| of one step. */
    public double rewardBound() {
        return rewardBound;
    }

    /** The soft-divergence bound on |Q|, r_max / (1 - gamma) (docs/math.md#soft-divergence). */
    public double softBound(double gamma) {
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        return rewardBound / (1 - gamma);
    }
}
