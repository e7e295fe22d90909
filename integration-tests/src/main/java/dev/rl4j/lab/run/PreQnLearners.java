package dev.rl4j.lab.run;

import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNDiscreteDense;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.dqn.DQN;

/** Construction of PreQN learners: the one-line swap of {@code QLearningDiscreteDense} for {@code PreQNDiscreteDense}. */
final class PreQnLearners {

    private PreQnLearners() {
    }

    static QLearningDiscrete<?> legacy(CartpoleNative mdp, MultiLayerNetwork net, QLearningConfiguration conf,
            PreQNConfiguration preqn) {
        return new PreQNDiscreteDense<>(mdp, new DQN(net), conf, preqn);
    }
}
