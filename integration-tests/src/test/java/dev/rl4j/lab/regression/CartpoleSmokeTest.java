package dev.rl4j.lab.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeSchedule;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.lab.run.Algo;
import dev.rl4j.lab.run.CartpoleExperiment;
import dev.rl4j.lab.run.CartpoleSettings;
import dev.rl4j.preqn.PreQNBuilder;
import dev.rl4j.testing.DoubleDqnConfigurations;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.IAgentLearner;
import org.deeplearning4j.rl4j.agent.listener.AgentListener;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.environment.Environment;
import org.deeplearning4j.rl4j.mdp.CartpoleEnvironment;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** CartPole smoke runs: DQN and PreQN through both RL4J pipelines with the diagnostics attached; nothing non-finite. */
class CartpoleSmokeTest {

    @ParameterizedTest
    @EnumSource(value = Algo.class, names = {"DDQN", "PREQN"})
    void legacyPipelineTrainsWithDiagnosticsAttachedAndStaysFinite(Algo algo, @TempDir Path out) {
        CartpoleSettings s = CartpoleSettings.defaults(algo, 3, 2000).withNetwork(64, 2);

        CartpoleExperiment.Result r = CartpoleExperiment.runWithDiagnostics(s, algo.name(), out, ProbeSchedule.fixed(300));

        MultiLayerNetwork net = (MultiLayerNetwork) r.learner().getNeuralNet().getNeuralNetworks()[0];
        assertThat(net.params().isInfinite().any() || net.params().isNaN().any()).isFalse();
        assertThat(r.series().episodes()).isNotEmpty();
        assertThat(r.series().episodes().get(r.series().episodes().size() - 1).step()).isGreaterThanOrEqualTo(2000);
        assertThat(r.series().probes()).isNotEmpty();
        assertThat(r.series().probes()).allSatisfy(p -> assertThat(p.activeKinds()).doesNotContain(FindingKind.NON_FINITE));
        assertThat(out.resolve(algo.name().toLowerCase() + "-diagnostics.csv")).isNotEmptyFile();
    }

    @ParameterizedTest
    @EnumSource(value = Algo.class, names = {"DDQN", "PREQN"})
    void builderPipelineTrainsWithDiagnosticsAsAnAgentListenerAndStaysFinite(Algo algo) {
        Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(5);
        MultiLayerNetwork mln = CartpoleExperiment.network(CartpoleSettings.defaults(algo, 5, 1000).withNetwork(64, 2));
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(200).seed(5).build();
        List<AgentListener<Integer>> listeners = List.of(diagnostics);
        DoubleDQNBuilder.Configuration conf = DoubleDqnConfigurations.builder(500, 10000, 32, 100, 0.99, 1.0, 200)
                .agentLearnerListeners(listeners)
                .build();
        QNetwork q = QNetwork.builder().withNetwork(mln).build();
        Supplier<Environment<Integer>> env = () -> new CartpoleEnvironment(rnd);
        Supplier<TransformProcess> transform = DoubleDqnConfigurations::arrayToINDArray;
        org.apache.commons.lang3.builder.Builder<IAgentLearner<Integer>> builder = algo == Algo.PREQN
                ? new PreQNBuilder(conf, q, env::get, transform::get, rnd)   // the one-line swap
                : new DoubleDQNBuilder(conf, q, env::get, transform::get, rnd);

        SyncTrainer<Integer> trainer = new SyncTrainer<>(builder, diagnostics.<SyncTrainer<Integer>>orStopRequested(t -> t.getStepCount() >= 1000));
        trainer.train();

        assertThat(trainer.getStepCount()).isGreaterThanOrEqualTo(1000);
        assertThat(mln.params().isInfinite().any() || mln.params().isNaN().any()).isFalse();
        List<ProbeRecord> history = diagnostics.history();
        assertThat(history).isNotEmpty();
        assertThat(history).noneMatch(p -> p.isActive(FindingKind.NON_FINITE));
    }
}
