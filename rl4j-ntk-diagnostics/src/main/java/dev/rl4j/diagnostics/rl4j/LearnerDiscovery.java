package dev.rl4j.diagnostics.rl4j;

import dev.rl4j.diagnostics.BootstrapSource;
import dev.rl4j.diagnostics.StepSizeProvider;
import dev.rl4j.internals.FieldLookup;
import dev.rl4j.internals.Rl4jInternals;
import java.util.Optional;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.Agent;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.policy.EpsGreedy;

/**
 * What the diagnostics need from an RL4J learner, found on it. Legacy ({@code QLearning}): the Q-network
 * ({@code getQNetwork().getNeuralNetworks()[0]}) and gamma ({@code getConfiguration()}). Builder ({@code Agent}): the
 * policy's network ({@code EpsGreedy.getNeuralNet()}, unwrapped by {@link Rl4jInternals#multiLayerNetwork}) and
 * gamma of its update algorithm ({@link Rl4jInternals#gamma}). Both: the update count and the step-size provider.
 * Each answer is a {@link FieldLookup}; the {@code REMEDY_*} texts name the builder method that supplies a value.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class LearnerDiscovery {

    /** Appended to a failed network lookup. */
    public static final String REMEDY_NETWORK = "set it with NtkDiagnostics.builder().network(...)";
    /** Appended to a failed gamma lookup. */
    public static final String REMEDY_GAMMA = "set it with NtkDiagnostics.builder().gamma(...)";

    private LearnerDiscovery() {
    }

    /** Legacy: {@code getQNetwork().getNeuralNetworks()[0]} of a {@code QLearning}, if a MultiLayerNetwork. */
    public static FieldLookup<MultiLayerNetwork> legacyNetwork(Object trainer) {
        if (trainer instanceof QLearning<?, ?, ?> q) {
            NeuralNetwork[] nets = q.getQNetwork().getNeuralNetworks();
            if (nets.length > 0 && nets[0] instanceof MultiLayerNetwork mln) {
                return FieldLookup.found(mln);
            }
        }
        return FieldLookup.missing("Q-network (MultiLayerNetwork)", trainer,
                "QLearning.getQNetwork().getNeuralNetworks()[0]");
    }

    /** Legacy: {@code getConfiguration().getGamma()} of a {@code QLearning}. */
    public static FieldLookup<Double> legacyGamma(Object trainer) {
        if (trainer instanceof QLearning<?, ?, ?> q) {
            return FieldLookup.found(q.getConfiguration().getGamma());
        }
        return FieldLookup.missing("gamma", trainer, "QLearning.getConfiguration().getGamma()");
    }

    /** Builder: the MultiLayerNetwork behind the agent's {@code EpsGreedy} policy. */
    public static FieldLookup<MultiLayerNetwork> agentNetwork(Agent<?> agent) {
        if (agent.getPolicy() instanceof EpsGreedy<?> eg) {
            return Rl4jInternals.multiLayerNetwork(eg.getNeuralNet());
        }
        return FieldLookup.missing("Q-network (MultiLayerNetwork)", agent,
                "EpsGreedy policy's network; the policy is not EpsGreedy");
    }

    /** Builder: gamma of the agent's update algorithm. */
    public static FieldLookup<Double> agentGamma(Agent<?> agent) {
        return Rl4jInternals.gamma(agent);
    }

    /**
     * Updates between copies of the network the learner's TD targets come from (1: the network being trained):
     * the learner's or its update stack's {@link BootstrapSource} (PreQN), else the {@code targetUpdateFrequency} of
     * RL4J's updater ({@code learningBehavior.updateRule.updater}, which RL4J's legacy {@code QLearningDiscrete}
     * also builds, from {@code targetDqnUpdateFreq}). Missing when neither is found.
     */
    public static FieldLookup<Integer> targetSyncInterval(Object learnerOrAgent) {
        if (learnerOrAgent instanceof BootstrapSource b) {
            return FieldLookup.found(b.targetSyncInterval());
        }
        FieldLookup<Object> updater = Rl4jInternals.neuralNetUpdater(learnerOrAgent);
        if (updater.isFound() && updater.value() instanceof BootstrapSource b) {
            return FieldLookup.found(b.targetSyncInterval());
        }
        return Rl4jInternals.targetUpdateFrequency(learnerOrAgent);
    }

    /** Updates applied by the learner (its update rule's count), else the network's iteration count. */
    public static long updateCount(Object learnerOrAgent, MultiLayerNetwork net) {
        FieldLookup<Integer> count = Rl4jInternals.updateCount(learnerOrAgent);
        return count.isFound() ? count.value().longValue() : (long) net.getIterationCount();
    }

    /** The learner itself if it is a {@link StepSizeProvider}, else its update algorithm if that is one. */
    public static Optional<StepSizeProvider> stepSizeProvider(Object learnerOrAgent) {
        if (learnerOrAgent instanceof StepSizeProvider p) {
            return Optional.of(p);
        }
        return Rl4jInternals.updateAlgorithm(learnerOrAgent).toOptional().filter(StepSizeProvider.class::isInstance)
                .map(StepSizeProvider.class::cast);
    }
}
