package dev.rl4j.lab.env;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.rl4j.environment.Environment;
import org.deeplearning4j.rl4j.environment.IntegerActionSchema;
import org.deeplearning4j.rl4j.environment.Schema;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link ClassicControl} task as an RL4J builder-pipeline {@code Environment}, the way RL4J's
 * {@code CartpoleEnvironment} is one: observation in the {@code "data"} channel, no step limit of its own (give the
 * time limit as {@code AgentLearner.Configuration.maxEpisodeSteps}), {@code isEpisodeFinished()} only on the task's
 * terminal condition. Initial states come from a {@code java.util.Random} seeded like {@link ClassicControlMdp}'s, so
 * both adapters start the same episodes for the same seed; the action schema's random actions come from an ND4J
 * generator with the same seed.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class ClassicControlEnvironment implements Environment<Integer> {

    private final ClassicControl task;
    private final Random random;
    private final Schema<Integer> schema;
    private boolean finished;

    /**
     * @param task the task's equations (owned by this environment from now on)
     * @param seed seeds the initial states and the schema's random actions
     */
    public ClassicControlEnvironment(ClassicControl task, long seed) {
        this.task = task;
        this.random = new Random(seed);
        this.schema = new Schema<>(new IntegerActionSchema(task.actionCount(), task.noOpAction(),
                Nd4j.getRandomFactory().getNewRandomInstance(seed)));
    }

    /** Acrobot-v1, seeded. */
    public static ClassicControlEnvironment acrobot(long seed) {
        return new ClassicControlEnvironment(new Acrobot(), seed);
    }

    /** MountainCar-v0, seeded. */
    public static ClassicControlEnvironment mountainCar(long seed) {
        return new ClassicControlEnvironment(new MountainCar(), seed);
    }

    /** The task's equations (its time limit, reward bound, sizes). */
    public ClassicControl task() {
        return task;
    }

    @Override
    public Schema<Integer> getSchema() {
        return schema;
    }

    @Override
    public Map<String, Object> reset() {
        finished = false;
        return channels(task.reset(random));
    }

    @Override
    public StepResult step(Integer action) {
        Transition t = task.step(action);
        finished = t.terminal();
        return new StepResult(channels(t.observation()), t.reward(), finished);
    }

    /** A mutable map: RL4J's {@code TransformProcess} replaces channel values in place. */
    private static Map<String, Object> channels(double[] observation) {
        Map<String, Object> m = new HashMap<>();
        m.put("data", observation);
        return m;
    }

    @Override
    public boolean isEpisodeFinished() {
        return finished;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
