package com.example.regression;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.regression.AgentRegression;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.junit.jupiter.api.Test;

class CartpoleRegressionTest {

    @Test
    void dqnStillLearnsCartpole() {
        var net = DQNDenseNetworkConfiguration.builder().numLayers(1).numHiddenNodes(16).build();
        AgentRegression.legacy(seed -> new QLearningDiscreteDense<>(new CartpoleNative((int) seed), net,
                        QLearningConfiguration.builder().seed(seed).maxEpochStep(200).maxStep(300)
                                .batchSize(16).epsilonNbStep(200).build()))
                .seeds(1, 2)
                .expect("episodes >= 3")
                .expect("best_mean100 >= 9")
                .expectNoFinding(FindingKind.NON_FINITE, FindingKind.SOFT_DIVERGENCE)
                .diagnostics(seed -> NtkDiagnostics.builder().period(50).seed(seed))
                .assertPasses();
    }
}
