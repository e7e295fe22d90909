package dev.rl4j.preqn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.deeplearning4j.rl4j.learning.sync.qlearning.QLearning;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * The deprecated constructors of RL4J's own examples ({@code QLearning.QLConfiguration},
 * {@code DQNFactoryStdDense.Configuration}, {@code IDataManager}). The official {@code DQNCartpole} example itself,
 * with the one changed line, is built and run as a user project by {@code consumer-builds/src/it/classic-example}.
 */
@SuppressWarnings("deprecation")
class OfficialExampleSwapTest {

    @Test
    void theDataManagerVariantTrainsWithRl4jsDataManagerListener() throws Exception {
        QLearning.QLConfiguration ql = QLearning.QLConfiguration.builder().seed(123).maxEpochStep(200).maxStep(100)
                .expRepMaxSize(150000).batchSize(128).targetDqnUpdateFreq(500).updateStart(10).rewardFactor(0.01)
                .gamma(0.99).errorClamp(1.0).minEpsilon(0.1f).epsilonNbStep(1000).doubleDQN(true).build();
        DQNFactoryStdDense.Configuration net = DQNFactoryStdDense.Configuration.builder().l2(0)
                .updater(new RmsProp(0.000025)).numHiddenNodes(300).numLayer(2).build();
        IDataManager dataManager = mock(IDataManager.class);

        PreQNDiscreteDense<Box> dql = new PreQNDiscreteDense<Box>(new CartpoleNative(7), net, ql, dataManager);
        dql.train();

        verify(dataManager, atLeastOnce()).appendStat(any());
        assertThat(dql.getStepCount()).isGreaterThanOrEqualTo(100);
        assertThat(dql.getConfiguration().getBatchSize()).isEqualTo(128);
        assertThat(dql.getConfiguration().getRewardFactor()).isEqualTo(0.01);
    }
}
