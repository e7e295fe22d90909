package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rl4j.lab.report.RunSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy checkpoints inside RL4J's train() leave the training run unchanged. */
class GreedyCheckpointsTest {

    /** RL4J's defaults (batch 32) on a small network and budget (fast). */
    private static CartpoleSettings tiny() {
        return CartpoleSettings.of(CartpolePreset.RL4J_DEFAULTS, Algo.DDQN, 7, 400).withNetwork(16, 1)
                .withEvalEpisodes(2);
    }

    @Test
    void theEpisodesAreTheSameWithAndWithoutCheckpoints() {
        CartpoleSettings s = tiny();
        double gamma = CartpoleExperiment.configuration(s).getGamma();
        List<RunSeries.Episode> plain = CartpoleExperiment.run(s, "DDQN", List.of()).series().episodes();
        GreedyCheckpoints greedy = new GreedyCheckpoints(s, gamma, 100, 200, 300);
        CartpoleExperiment.Result r = CartpoleExperiment.run(s, "DDQN", List.of(greedy));

        assertThat(r.series().episodes()).isEqualTo(plain);
        assertThat(greedy.evaluations()).hasSize(3);
        long[] at = {100, 200, 300};
        for (int i = 0; i < 3; i++) {
            RunSeries.Greedy g = greedy.evaluations().get(i);
            assertThat(g.step()).isGreaterThanOrEqualTo(at[i]);
            assertThat(g.episodes()).isEqualTo(2);
            assertThat(g.meanReturn()).isBetween(1.0, 200.0);
            assertThat(g.maxAbsQ()).isFinite();
            assertThat(g.qBound()).isEqualTo(1 / (1 - 0.99), org.assertj.core.api.Assertions.within(1e-9));
        }
        RunSeries.Greedy end = greedy.evaluate(r.learner(), 400);
        assertThat(greedy.evaluations()).hasSize(4).last().isEqualTo(end);
    }

    @Test
    void checkpointStepsMustAscend() {
        CartpoleSettings s = tiny();
        assertThatThrownBy(() -> new GreedyCheckpoints(s, 0.99, 300, 300)).hasMessageContaining("ascending")
                .hasMessageContaining("300");
        assertThatThrownBy(() -> new GreedyCheckpoints(s, 0.99, 0)).hasMessageContaining(">= 1");
    }

    @Test
    void theDemoSpreadsItsCheckpointsEvenlyInsideTheBudget() {
        assertThat(DemoCommand.checkpoints(15000, 4)).containsExactly(3750, 7500, 11250);
        assertThat(DemoCommand.checkpoints(2, 4)).containsExactly(1);
    }
}
