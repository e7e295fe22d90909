package dev.rl4j.lab.testbed;

import java.util.Random;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * Baird's counterexample ({@link BairdCounterexample}) as a legacy RL4J {@link MDP}: observations are the 8 linear
 * features of the current state, action 0 (dashed) moves to a uniformly drawn upper state, action 1 (solid) to the lower
 * state, reward 0, never terminal (cap episodes with RL4J's {@code maxEpochStep}). Episodes start in a uniformly drawn
 * state. The known answers of {@link BairdCounterexample} assume its fixed behaviour policy; RL4J's learners explore
 * epsilon-greedily instead, so this MDP exercises the learners and the diagnostics on Baird's features, not the exact
 * numbers.
 *
 * <p>Stability: experimental. @since 0.1
 */
final class BairdMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final long seed;
    private final Random random;
    private final DiscreteSpace actionSpace = new DiscreteSpace(2);
    private final ObservationSpace<Box> observationSpace =
            new ArrayObservationSpace<>(new int[] {BairdCounterexample.FEATURES});
    private int state;

    /** @param seed seeds the start states and the dashed action's destinations */
    public BairdMdp(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The current state index in [0, 7). */
    public int state() {
        return state;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public Box reset() {
        state = random.nextInt(BairdCounterexample.STATES);
        return new Box(BairdCounterexample.features(state));
    }

    @Override
    public void close() {
    }

    @Override
    public StepReply<Box> step(Integer action) {
        if (action == null || action < 0 || action > 1) {
            throw new IllegalArgumentException("action must be 0 (dashed) or 1 (solid), got " + action);
        }
        state = BairdEnvironment.next(state, action, random);
        return new StepReply<>(new Box(BairdCounterexample.features(state)), 0.0, false, null);
    }

    @Override
    public boolean isDone() {
        return false;
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        return new BairdMdp(seed);
    }
}
