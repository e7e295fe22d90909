package dev.rl4j.lab.run;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;

/** Construction of PreQN learners (bridges to the rl4j-preqn module). */
final class PreQnLearners {

    private PreQnLearners() {
    }

    static QLearningDiscrete<?> legacy(CartpoleNative mdp, MultiLayerNetwork net, QLearningConfiguration conf) {
        throw new IllegalArgumentException("algo preqn is not available yet: the rl4j-preqn module is not built in");
    }
}
