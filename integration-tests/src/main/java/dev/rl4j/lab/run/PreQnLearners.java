package dev.rl4j.lab.run;

import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNDiscreteDense;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;

/** Construction of PreQN learners: the one-line swap of {@code QLearningDiscreteDense} for {@code PreQNDiscreteDense}. */
final class PreQnLearners {

    private PreQnLearners() {
    }

    static QLearningDiscrete<?> legacy(MDP<Box, Integer, DiscreteSpace> mdp, MultiLayerNetwork net, QLearningConfiguration conf,
            boolean targetNetwork) {
        return new PreQNDiscreteDense<>(mdp, new DQN(net), conf, configuration(targetNetwork));
    }

    /** The PreQN configuration of the lab's CartPole learners: the defaults, with or without a target network. */
    static PreQNConfiguration configuration(boolean targetNetwork) {
        return PreQNConfiguration.builder().targetNetwork(targetNetwork).build();
    }
}
