package com.example.cartpole;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.preqn.PreQNDiscreteDense;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * deeplearning4j-examples' DQNCartpole (rl4j-examples, advanced/cartpole) as a user has it, with two changes of
 * the PreQN README: the learner line and the listener line. Gym is replaced by CartpoleNative (no server), maxStep
 * is cut from 15000 to 250 for CI, and the policy is saved under target/ instead of /tmp. Exits non-zero when it
 * did not train.
 */
@SuppressWarnings("deprecation")
public class DQNCartpole {

    public static QLearning.QLConfiguration CARTPOLE_QL =
            QLearning.QLConfiguration.builder()
                    .seed(123)                //Random seed (for reproducability)
                    .maxEpochStep(200)        // Max step By epoch
                    .maxStep(250)             // Max step (the example: 15000)
                    .expRepMaxSize(150000)    // Max size of experience replay
                    .batchSize(128)           // size of batches
                    .targetDqnUpdateFreq(500) // target update (hard)
                    .updateStart(10)          // num step noop warmup
                    .rewardFactor(0.01)       // reward scaling
                    .gamma(0.99)              // gamma
                    .errorClamp(1.0)          // /td-error clipping
                    .minEpsilon(0.1f)         // min epsilon
                    .epsilonNbStep(1000)      // num step for eps greedy anneal
                    .doubleDQN(true)          // double DQN
                    .build();

    public static DQNFactoryStdDense.Configuration CARTPOLE_NET =
            DQNFactoryStdDense.Configuration.builder()
                    .l2(0)
                    .updater(new RmsProp(0.000025))
                    .numHiddenNodes(300)
                    .numLayer(2)
                    .build();

    public static void main(String[] args) throws IOException {
        cartPole();
    }

    public static void cartPole() throws IOException {
        //define the mdp (the example: GymEnv("CartPole-v0", false, false))
        CartpoleNative mdp = new CartpoleNative(123);

        //define the training (the example: QLearningDiscreteDense<Box> dql = new QLearningDiscreteDense<Box>(...))
        PreQNDiscreteDense<Box> dql = new PreQNDiscreteDense<Box>(mdp, CARTPOLE_NET, CARTPOLE_QL);
        dql.addListener(NtkDiagnostics.builder().period(40).csv(Path.of("target", "ntk.csv")).build());

        //train
        dql.train();

        //get the final policy
        DQNPolicy<Box> pol = dql.getPolicy();

        //serialize and save (serialization showcase, but not required)
        pol.save("target/pol1");

        //close the mdp
        mdp.close();

        //load the policy back and play it, as the example's loadCartpole()
        DQNPolicy<Box> loaded = DQNPolicy.load("target/pol1");
        CartpoleNative mdp2 = new CartpoleNative(124);
        double rewards = 0;
        for (int i = 0; i < 3; i++) {
            mdp2.reset();
            rewards += loaded.play(mdp2);
        }
        mdp2.close();

        int steps = dql.getStepCount();
        long updates = dql.updateAlgorithm().updates();
        System.out.printf("classic-example: steps=%d updates=%d batch=%d average reward=%.1f%n", steps, updates,
                dql.updateAlgorithm().lastUpdate().batchSize(), rewards / 3);
        if (steps < CARTPOLE_QL.getMaxStep() || updates < 100 || !(rewards > 0)) {
            throw new IllegalStateException("did not train: steps=" + steps + ", updates=" + updates);
        }
        System.out.println("classic-example: TRAINED");
    }
}
