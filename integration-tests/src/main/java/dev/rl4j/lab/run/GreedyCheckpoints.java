package dev.rl4j.lab.run;

import dev.rl4j.lab.report.RunSeries;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * A legacy RL4J listener that plays greedy episodes ({@link TrainedEvaluation}) during training: at the first episode
 * end at or after each checkpoint step. RL4J's legacy {@code train()} is one call that cannot be paused, so the
 * checkpoints run at episode boundaries inside it; they touch nothing training uses: the greedy episodes run on their
 * own environment (seeded apart from training), the policy is argmax of inference-mode forward passes (no RNG draw, no
 * parameter or updater change), and the learner's exploration RNG and replay memory are not read.
 * {@code GreedyCheckpointsTest} checks that a run's episodes are the same with and without them.
 *
 * <p>Stability: experimental. @since 0.2
 */
public final class GreedyCheckpoints extends ContinuingTrainingListener {

    private final CartpoleSettings settings;
    private final double gamma;
    private final long[] steps;
    private final List<RunSeries.Greedy> evaluations = new ArrayList<>();
    private int next;

    /**
     * @param settings the run's settings (episode cap, greedy episodes, reward factor, seed of the evaluation env)
     * @param gamma    the run's discount, for the soft-divergence bound
     * @param steps    checkpoint steps in ascending order, each >= 1
     */
    public GreedyCheckpoints(CartpoleSettings settings, double gamma, long... steps) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 1 || (i > 0 && steps[i] <= steps[i - 1])) {
                throw new IllegalArgumentException("steps must be ascending and >= 1, got " + steps[i]
                        + " at index " + i);
            }
        }
        this.settings = settings;
        this.gamma = gamma;
        this.steps = steps.clone();
    }

    /** The evaluations played so far, in step order. */
    public List<RunSeries.Greedy> evaluations() {
        return List.copyOf(evaluations);
    }

    /** Evaluates the trained learner now (after {@code train()}) and appends the result at {@code step}. */
    public RunSeries.Greedy evaluate(QLearningDiscrete<?> learner, long step) {
        TrainedEvaluation e = TrainedEvaluation.of(learner, settings, gamma);
        RunSeries.Greedy g = new RunSeries.Greedy(step, e.greedyReturn(), e.greedyEpisodes(), e.maxAbsQ(), e.qBound());
        evaluations.add(g);
        return g;
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        if (next < steps.length && trainer.getStepCount() >= steps[next]
                && trainer instanceof QLearningDiscrete<?> learner) {
            evaluate(learner, trainer.getStepCount());
            while (next < steps.length && steps[next] <= trainer.getStepCount()) {
                next++;
            }
        }
        return ListenerResponse.CONTINUE;
    }
}
