package dev.rl4j.diagnostics;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;

/** Small, seeded legacy DQN runs on CartpoleNative (no server). */
final class LegacyRuns {

    private LegacyRuns() {
    }

    static QLearningConfiguration smallConfig(long seed, int maxStep) {
        return QLearningConfiguration.builder()
                .seed(seed).maxEpochStep(100).maxStep(maxStep).expRepMaxSize(2_000).batchSize(16)
                .targetDqnUpdateFreq(50).updateStart(0).rewardFactor(0.1).gamma(0.99).errorClamp(1.0)
                .minEpsilon(0.1).epsilonNbStep(300).doubleDQN(true).build();
    }

    static QLearningDiscreteDense<?> learner(long seed, int maxStep, int hidden, TrainingListener... listeners) {
        DQNDenseNetworkConfiguration net = DQNDenseNetworkConfiguration.builder().numLayers(2).numHiddenNodes(hidden)
                .build();
        QLearningDiscreteDense<?> learner = new QLearningDiscreteDense<>(new CartpoleNative((int) seed), net,
                smallConfig(seed, maxStep));
        for (TrainingListener l : listeners) {
            learner.addListener(l);
        }
        return learner;
    }

    static MultiLayerNetwork network(QLearningDiscreteDense<?> learner) {
        return (MultiLayerNetwork) learner.getQNetwork().getNeuralNetworks()[0];
    }
}
