package dev.rl4j.lab.calibrate;

import java.util.function.BooleanSupplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * {@code CartpoleNative} with a read-only hook after every environment step (the harness's divergence check) and an
 * early end once the run has been judged diverged (the episode then reports done; nothing after the divergence enters
 * a metric). Before that it is the environment itself: same observations, rewards and episode ends.
 */
final class JudgedCartpole implements MDP<Box, Integer, DiscreteSpace> {

    private final CartpoleNative env;
    private Runnable afterStep = () -> { };
    private BooleanSupplier ended = () -> false;

    JudgedCartpole(CartpoleNative env) {
        this.env = env;
    }

    /** Sets the hook run after each step and the condition that ends the episode. */
    void watch(Runnable hook, BooleanSupplier end) {
        this.afterStep = hook;
        this.ended = end;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return env.getObservationSpace();
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return env.getActionSpace();
    }

    @Override
    public Box reset() {
        return env.reset();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public StepReply<Box> step(Integer action) {
        StepReply<Box> reply = env.step(action);
        afterStep.run();
        return ended.getAsBoolean() && !reply.isDone()
                ? new StepReply<>(reply.getObservation(), reply.getReward(), true, reply.getInfo()) : reply;
    }

    @Override
    public boolean isDone() {
        return env.isDone() || ended.getAsBoolean();
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        return new JudgedCartpole((CartpoleNative) env.newInstance());
    }
}
