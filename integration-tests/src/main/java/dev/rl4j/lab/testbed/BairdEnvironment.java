package dev.rl4j.lab.testbed;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.rl4j.environment.Environment;
import org.deeplearning4j.rl4j.environment.IntegerActionSchema;
import org.deeplearning4j.rl4j.environment.Schema;
import org.deeplearning4j.rl4j.environment.StepResult;

/**
 * Baird's counterexample as a builder-pipeline RL4J {@link Environment}: the same dynamics as {@link BairdMdp}, with
 * the 8 features in channel {@code "data"} (use {@code ArrayToINDArrayTransform} as for {@code CartpoleEnvironment}).
 *
 * <p>Stability: experimental. @since 0.1
 */
final class BairdEnvironment implements Environment<Integer> {

    private final Random random;
    private final Schema<Integer> schema;
    private int state;

    /**
     * @param seed seeds the start states and the dashed action's destinations
     * @param rnd  ND4J random of the action schema (RL4J's convention)
     */
    public BairdEnvironment(long seed, org.nd4j.linalg.api.rng.Random rnd) {
        this.random = new Random(seed);
        this.schema = new Schema<>(new IntegerActionSchema(2, BairdCounterexample.SOLID, rnd));
    }

    static int next(int state, int action, Random random) {
        return action == BairdCounterexample.SOLID ? BairdCounterexample.LOWER : random.nextInt(6);
    }

    @Override
    public Schema<Integer> getSchema() {
        return schema;
    }

    @Override
    public Map<String, Object> reset() {
        state = random.nextInt(BairdCounterexample.STATES);
        return observation();
    }

    @Override
    public StepResult step(Integer action) {
        if (action == null || action < 0 || action > 1) {
            throw new IllegalArgumentException("action must be 0 (dashed) or 1 (solid), got " + action);
        }
        state = next(state, action, random);
        return new StepResult(observation(), 0.0, false);
    }

    @Override
    public boolean isEpisodeFinished() {
        return false;
    }

    @Override
    public void close() {
    }

    private Map<String, Object> observation() {
        Map<String, Object> m = new HashMap<>();
        m.put("data", BairdCounterexample.features(state));
        return m;
    }
}
