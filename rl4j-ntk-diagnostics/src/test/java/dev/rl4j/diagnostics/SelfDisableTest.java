package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.junit.jupiter.api.Test;

class SelfDisableTest {

    private static final int MAX_STEP = 300;

    @Test
    void anExceptionInsideTheListenerDisablesItAndTrainingRunsToTheEnd() {
        ProbeSink failing = mock(ProbeSink.class);
        doThrow(new IllegalStateException("sink is broken")).when(failing).accept(any());
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(10).probeSize(16).sink(failing).build();
        QLearningDiscreteDense<?> learner = LegacyRuns.learner(9, MAX_STEP, 8, diagnostics);

        learner.train();

        assertThat(diagnostics.isDisabled()).isTrue();
        verify(failing, times(1)).accept(any()); // disabled after the first failure: never called again
        assertThat(learner.getStepCount()).isGreaterThanOrEqualTo(MAX_STEP);
    }

    @Test
    void rethrowErrorsPropagatesTheExceptionToTheTrainingLoop() {
        ProbeSink failing = mock(ProbeSink.class);
        doThrow(new IllegalStateException("sink is broken")).when(failing).accept(any());
        NtkDiagnostics diagnostics = NtkDiagnostics.builder().period(10).probeSize(16).sink(failing)
                .rethrowErrors(true).build();
        QLearningDiscreteDense<?> learner = LegacyRuns.learner(9, MAX_STEP, 8, diagnostics);

        assertThatThrownBy(learner::train).isInstanceOf(IllegalStateException.class).hasMessage("sink is broken");
    }
}
