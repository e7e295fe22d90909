package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.testing.ContinuingTrainingListener;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.junit.jupiter.api.Test;

class NonFiniteStopTest {

    private static final int MAX_STEP = 2_000;
    private static final int POISON_AT_EPOCH = 3;

    @Test
    void nanInjectedIntoTheParametersIsReportedAtTheNextProbeAndStopsTrainingWhenConfigured() {
        // the NaN is written at the end of episode POISON_AT_EPOCH; with RL4J's DQN (a fit per update) the next probe
        // runs right after the next update, inside the following episode, and RL4J ends training at that episode's end
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(1).probeSize(16)
                .stopOn(FindingKind.NON_FINITE).build();
        NanInjector injector = new NanInjector();
        QLearningDiscreteDense<?> learner = LegacyRuns.learner(5, MAX_STEP, 8, injector, diagnostics);
        injector.net = LegacyRuns.network(learner);

        learner.train();

        List<ProbeRecord> history = diagnostics.history();
        ProbeRecord last = history.get(history.size() - 1);
        assertThat(last.isActive(FindingKind.NON_FINITE)).isTrue();
        assertThat(last.measurement().health().nonFiniteParams()).isTrue();
        assertThat(history.subList(0, history.size() - 1)).noneMatch(r -> r.isActive(FindingKind.NON_FINITE));
        assertThat(diagnostics.stopRequested()).isTrue();
        assertThat(last.measurement().episode()).as("episodes finished at the detecting probe").isEqualTo(POISON_AT_EPOCH + 1L);
        assertThat(learner.getEpochCount()).isEqualTo(POISON_AT_EPOCH + 1); // STOP returned at the next episode end
        assertThat(learner.getStepCount()).isLessThan(MAX_STEP);
    }

    /** Writes NaN into one parameter at the end of episode POISON_AT_EPOCH (called before the diagnostics). */
    private static final class NanInjector extends ContinuingTrainingListener {
        MultiLayerNetwork net;

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
            if (trainer.getEpochCount() == POISON_AT_EPOCH) {
                net.params().putScalar(0, Double.NaN);
            }
            return ListenerResponse.CONTINUE;
        }
    }
}
