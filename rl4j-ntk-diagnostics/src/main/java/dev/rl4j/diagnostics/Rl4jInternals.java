package dev.rl4j.diagnostics;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Read-only reflective access to RL4J 1.0.0-M1.1 state that has no getter (field names verified against the
 * rl4j-core sources of that version). Every accessor returns empty rather than failing, so a different RL4J
 * version degrades to "supply it through the builder" instead of an exception. Nothing here calls a method that
 * draws random numbers or changes state.
 */
final class Rl4jInternals {

    private Rl4jInternals() {
    }

    /** Legacy: QLearningDiscrete.learningBehavior; builder: AgentLearner.learningBehavior. */
    static Optional<Object> learningBehavior(Object learnerOrAgent) {
        return field(learnerOrAgent, "learningBehavior");
    }

    /** LearningBehavior.updateRule.updateAlgorithm. */
    static Optional<Object> updateAlgorithm(Object learnerOrAgent) {
        return learningBehavior(learnerOrAgent).flatMap(b -> field(b, "updateRule"))
                .flatMap(r -> field(r, "updateAlgorithm"));
    }

    /** UpdateRule.updateCount: number of updates the learner has applied. */
    static Optional<Integer> updateCount(Object learnerOrAgent) {
        return learningBehavior(learnerOrAgent).flatMap(b -> field(b, "updateRule"))
                .flatMap(r -> field(r, "updateCount")).filter(Integer.class::isInstance).map(Integer.class::cast);
    }

    /** BaseTransitionTDAlgorithm.gamma of the update algorithm. */
    static Optional<Double> gamma(Object learnerOrAgent) {
        return updateAlgorithm(learnerOrAgent).flatMap(a -> field(a, "gamma"))
                .filter(Double.class::isInstance).map(Double.class::cast);
    }

    /** Legacy replay memory: LearningBehavior.experienceHandler.expReplay.storage (a CircularFifoQueue). */
    static Optional<Collection<?>> replayStorage(Object learner) {
        return learningBehavior(learner).flatMap(b -> field(b, "experienceHandler"))
                .flatMap(h -> field(h, "expReplay")).flatMap(r -> field(r, "storage"))
                .filter(Collection.class::isInstance).map(c -> (Collection<?>) c);
    }

    /** Builder pipeline: BaseNetwork.networkHandler.model of a QNetwork (MultiLayerNetworkHandler). */
    static Optional<MultiLayerNetwork> multiLayerNetwork(Object rl4jNetwork) {
        return field(rl4jNetwork, "networkHandler").flatMap(h -> field(h, "model"))
                .filter(MultiLayerNetwork.class::isInstance).map(MultiLayerNetwork.class::cast);
    }

    /** Agent.observation: the observation after the last step (protected getter only). */
    static Optional<Object> agentObservation(Object agent) {
        return field(agent, "observation");
    }

    /** The value of the first field called {@code name} in the class hierarchy of {@code target}, if any. */
    static Optional<Object> field(Object target, String name) {
        if (target == null) {
            return Optional.empty();
        }
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return Optional.ofNullable(f.get(target));
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
