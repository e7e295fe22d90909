package dev.rl4j.lab.env;

import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * A {@link ClassicControl} task as an RL4J legacy {@code MDP}, the way RL4J's {@code CartpoleNative} is one: no step
 * limit of its own (give the time limit as {@code maxEpochStep}), {@code isDone()} only on the task's terminal
 * condition. Each instance owns a {@code java.util.Random} seeded at construction, used only for initial states.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class ClassicControlMdp implements MDP<Box, Integer, DiscreteSpace> {

    private final Supplier<ClassicControl> factory;
    private final long seed;
    private final ClassicControl task;
    private final Random random;
    private final DiscreteSpace actionSpace;
    private final ObservationSpace<Box> observationSpace;
    private boolean done;

    /**
     * @param factory makes the task (called once here, and once per {@link #newInstance()})
     * @param seed    seeds this instance's initial states
     */
    public ClassicControlMdp(Supplier<ClassicControl> factory, long seed) {
        this.factory = factory;
        this.seed = seed;
        this.task = factory.get();
        this.random = new Random(seed);
        this.actionSpace = new DiscreteSpace(task.actionCount());
        this.observationSpace = new ArrayObservationSpace<>(new int[] {task.observationSize()});
    }

    /** Acrobot-v1, seeded. */
    public static ClassicControlMdp acrobot(long seed) {
        return new ClassicControlMdp(Acrobot::new, seed);
    }

    /** MountainCar-v0, seeded. */
    public static ClassicControlMdp mountainCar(long seed) {
        return new ClassicControlMdp(MountainCar::new, seed);
    }

    /** The task's equations (its time limit, reward bound, sizes). */
    public ClassicControl task() {
        return task;
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
        done = false;
        return new Box(task.reset(random));
    }

    @Override
    public StepReply<Box> step(Integer action) {
        Transition t = task.step(action);
        done = t.terminal();
        return new StepReply<>(new Box(t.observation()), t.reward(), done, null);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** A fresh task seeded with {@code seed + 1}, so that parallel workers do not replay this one's episodes. */
    @Override
    public ClassicControlMdp newInstance() {
        return new ClassicControlMdp(factory, seed + 1);
    }
}
