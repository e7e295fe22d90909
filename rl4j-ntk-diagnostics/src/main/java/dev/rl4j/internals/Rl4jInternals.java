package dev.rl4j.internals;

import java.lang.reflect.Field;
import java.util.Collection;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The one reflective reader of RL4J 1.0.0-M1.1 state that has no getter (field names verified against the rl4j-core
 * sources of that version). Used by the diagnostics listener's RL4J adapters and by PreQN.
 *
 * <p>One failure behaviour: no read throws. Each answers a {@link FieldLookup} holding the value or a message that
 * names what was not found, on which class, along which field path and at which step of it (e.g. {@code "gamma not
 * found on QLearningDiscreteDense (field learningBehavior.updateRule.updateAlgorithm.gamma of RL4J 1.0.0-M1.1: no
 * field updateRule on ...)"}); a field holding null counts as not found. The caller falls back or fails with that
 * message plus its own remedy. Nothing here calls a method that draws random numbers or changes state.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class Rl4jInternals {

    private Rl4jInternals() {
    }

    /** LearningBehavior.updateRule.updateAlgorithm of a legacy QLearningDiscrete or a builder AgentLearner. */
    public static FieldLookup<Object> updateAlgorithm(Object learnerOrAgent) {
        return read("update algorithm", learnerOrAgent, Object.class, "learningBehavior", "updateRule",
                "updateAlgorithm");
    }

    /** LearningBehavior.updateRule.updater: the learner's INeuralNetUpdater (RL4J's, or PreQN's target sync). */
    public static FieldLookup<Object> neuralNetUpdater(Object learnerOrAgent) {
        return read("network updater", learnerOrAgent, Object.class, "learningBehavior", "updateRule", "updater");
    }

    /** BaseSyncNeuralNetUpdater.targetUpdateFrequency: updates between two copies current -> target. */
    public static FieldLookup<Integer> targetUpdateFrequency(Object learnerOrAgent) {
        return read("target update frequency", learnerOrAgent, Integer.class, "learningBehavior", "updateRule",
                "updater", "targetUpdateFrequency");
    }

    /** UpdateRule.updateCount: the number of updates the learner has applied. */
    public static FieldLookup<Integer> updateCount(Object learnerOrAgent) {
        return read("update count", learnerOrAgent, Integer.class, "learningBehavior", "updateRule", "updateCount");
    }

    /** BaseTransitionTDAlgorithm.gamma of the learner's update algorithm. */
    public static FieldLookup<Double> gamma(Object learnerOrAgent) {
        return read("gamma", learnerOrAgent, Double.class, "learningBehavior", "updateRule", "updateAlgorithm",
                "gamma");
    }

    /** Legacy replay memory: LearningBehavior.experienceHandler.expReplay.storage (a CircularFifoQueue). */
    public static FieldLookup<Collection<?>> replayStorage(Object learner) {
        FieldLookup<Collection> storage = read("replay memory", learner, Collection.class, "learningBehavior",
                "experienceHandler", "expReplay", "storage");
        return storage.isFound() ? FieldLookup.found((Collection<?>) storage.value())
                : new FieldLookup<>(null, storage.failure());
    }

    /** Builder pipeline: BaseNetwork.networkHandler.model of a QNetwork backed by a MultiLayerNetworkHandler. */
    public static FieldLookup<MultiLayerNetwork> multiLayerNetwork(Object rl4jNetwork) {
        return read("MultiLayerNetwork", rl4jNetwork, MultiLayerNetwork.class, "networkHandler", "model");
    }

    /** Agent.observation: the observation after the agent's last step (RL4J has only a protected getter). */
    public static FieldLookup<Object> agentObservation(Object agent) {
        return read("observation", agent, Object.class, "observation");
    }

    /** Follows {@code path} from {@code root}, each name the first field so called in the class hierarchy. */
    private static <T> FieldLookup<T> read(String what, Object root, Class<T> type, String... path) {
        String where = "field " + String.join(".", path) + " of RL4J 1.0.0-M1.1";
        Object current = root;
        for (String name : path) {
            if (current == null) {
                return FieldLookup.missing(what, root, where + ": null before " + name);
            }
            Field field = declaredField(current.getClass(), name);
            if (field == null) {
                return FieldLookup.missing(what, root, where + ": no field " + name + " on "
                        + current.getClass().getSimpleName());
            }
            try {
                field.setAccessible(true);
                current = field.get(current);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return FieldLookup.missing(what, root, where + ": cannot read " + name + ": " + e);
            }
        }
        if (current == null) {
            return FieldLookup.missing(what, root, where + ": null");
        }
        if (!type.isInstance(current)) {
            return FieldLookup.missing(what, root, where + ": holds a " + current.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return FieldLookup.found(type.cast(current));
    }

    private static Field declaredField(Class<?> start, String name) {
        for (Class<?> c = start; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            } catch (RuntimeException e) {
                return null; // a security manager refused: reported as not found
            }
        }
        return null;
    }
}
