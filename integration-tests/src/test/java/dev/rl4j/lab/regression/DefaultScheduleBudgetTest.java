package dev.rl4j.lab.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.lab.run.Algo;
import dev.rl4j.lab.run.CartpoleExperiment;
import dev.rl4j.lab.run.CartpoleSettings;
import dev.rl4j.testing.DoubleDqnConfigurations;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

/**
 * Issue 10 section 2's budget: with every listener default, a 2 000-step CartPole run with RL4J's default DQN network
 * (4-100-100-100-2, Adam 1e-3) gets at least 5 probes in both pipelines, the first one early.
 */
class DefaultScheduleBudgetTest {

    private static final int STEPS = 2_000;

    @Test
    @Timeout(900) // a guard against hangs only: 166-210 s each on the shared 2-core machine under load 16
    void legacyPipelineWithDefaultsProbesAtLeastFiveTimesIn2000Steps() {
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().build();
        List<TrainingListener> listeners = List.of(diagnostics);

        CartpoleExperiment.run(CartpoleSettings.defaults(Algo.DQN, 7, STEPS), "DQN", listeners);

        assertEarlyAndAtLeastFive(diagnostics.history());
    }

    @Test
    @Timeout(900) // a guard against hangs only: 166-210 s each on the shared 2-core machine under load 16
    void builderPipelineWithDefaultsProbesAtLeastFiveTimesIn2000Steps() {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(7);
        MultiLayerNetwork mln = CartpoleExperiment.network(CartpoleSettings.defaults(Algo.DQN, 7, STEPS));
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().build();
        List<AgentListener<Integer>> listeners = List.of(diagnostics);
        DoubleDQNBuilder.Configuration conf = DoubleDqnConfigurations.builder(1000, 10_000, 32, 100, 0.99, 1.0, 200)
                .agentLearnerListeners(listeners).build();
        DoubleDQNBuilder builder = new DoubleDQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(),
                () -> new CartpoleEnvironment(rnd), DoubleDqnConfigurations::arrayToINDArray, rnd);

        new SyncTrainer<>(builder, t -> t.getStepCount() >= STEPS).train();

        assertEarlyAndAtLeastFive(diagnostics.history());
    }

    private static void assertEarlyAndAtLeastFive(List<ProbeRecord> history) {
        LoggerFactory.getLogger(DefaultScheduleBudgetTest.class).info("{} probes at updates {} (env steps {})",
                history.size(), history.stream().map(r -> r.measurement().update()).toList(),
                history.stream().map(r -> r.measurement().step()).toList());
        // RL4J checks the step budget between episodes, so the last episode may run past STEPS: count within STEPS
        assertThat(history.stream().filter(r -> r.measurement().step() <= STEPS)).hasSizeGreaterThanOrEqualTo(5);
        assertThat(history.get(0).measurement().pairs()).isGreaterThan(1);
        assertThat(history.get(0).measurement().update()).as("first probe, in updates").isLessThanOrEqualTo(250);
    }
}
