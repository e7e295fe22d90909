package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.policy.DQNPolicy;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The structure of RL4J's own CartPole example (deeplearning4j-examples,
 * {@code rl4j-examples/.../advanced/cartpole/DQNCartpole.java}), written with the deprecated
 * {@code QLearning.QLConfiguration} builder and {@code DQNFactoryStdDense.Configuration}, with the ONE changed line
 * of the PreQN swap. Gym is replaced by {@code CartpoleNative} (no server) and {@code maxStep} is cut from 15 000 to
 * a few hundred steps so that it runs in CI; everything else is the example's.
 */
@SuppressWarnings("deprecation")
class OfficialExampleSwapTest {

    private static QLearning.QLConfiguration exampleConfiguration(int maxStep) {
        return QLearning.QLConfiguration.builder()
                .seed(123)                //Random seed (for reproducability)
                .maxEpochStep(200)        // Max step By epoch
                .maxStep(maxStep)         // Max step (the example: 15000)
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
    }

    private static DQNFactoryStdDense.Configuration exampleNetwork() {
        return DQNFactoryStdDense.Configuration.builder()
                .l2(0)
                .updater(new RmsProp(0.000025))
                .numHiddenNodes(300)
                .numLayer(2)
                .build();
    }

    @Test
    void theExampleRunsWithTheOneLineSwap() {
        QLearning.QLConfiguration CARTPOLE_QL = exampleConfiguration(250);
        DQNFactoryStdDense.Configuration CARTPOLE_NET = exampleNetwork();
        CartpoleNative mdp = new CartpoleNative(123);

        // the example: QLearningDiscreteDense<Box> dql = new QLearningDiscreteDense<Box>(mdp, CARTPOLE_NET, CARTPOLE_QL);
        PreQNDiscreteDense<Box> dql = new PreQNDiscreteDense<Box>(mdp, CARTPOLE_NET, CARTPOLE_QL);

        dql.train();
        mdp.close();
        DQNPolicy<Box> pol = dql.getPolicy();

        CartpoleNative mdp2 = new CartpoleNative(124);
        double rewards = 0;
        for (int i = 0; i < 3; i++) {
            mdp2.reset();
            rewards += pol.play(mdp2);
        }
        assertThat(dql.getStepCount()).isGreaterThanOrEqualTo(250);
        assertThat(dql.updateAlgorithm().updates()).isPositive();
        assertThat(dql.updateAlgorithm().lastUpdate().batchSize()).isEqualTo(128);
        assertThat(dql.getConfiguration().getRewardFactor()).isEqualTo(0.01);
        assertThat(dql.getConfiguration().getTargetDqnUpdateFreq()).isEqualTo(500);
        assertThat(rewards / 3).isBetween(1.0, 200.0);
    }

    @Test
    void theDataManagerVariantAttachesRl4jsDataManagerListener() throws Exception {
        IDataManager dataManager = mock(IDataManager.class);
        PreQNDiscreteDense<Box> dql = new PreQNDiscreteDense<Box>(new CartpoleNative(7), exampleNetwork(),
                exampleConfiguration(100), dataManager);

        dql.train();

        verify(dataManager, atLeastOnce()).appendStat(any());
    }
}
