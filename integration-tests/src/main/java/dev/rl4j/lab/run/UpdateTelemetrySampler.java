package dev.rl4j.lab.run;

import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.preqn.PreQNDiscreteDense;
import dev.rl4j.preqn.PreQNUpdate;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * A read-only legacy RL4J listener that samples PreQN's update telemetry into a time series for the report: at the
 * first episode end (RL4J calls legacy listeners per episode) at which at least {@code every} updates passed since the
 * previous sample, it reads {@link PreQNUpdateAlgorithm}'s counters (updates, line-search failures, skipped and
 * solve-failed updates: exact rates over the window) and {@link PreQNUpdateAlgorithm#lastUpdate()} (the last update's
 * outcome, trials, step fraction, cond(K), lambda, tdClosed, bootOverDq: one sample per window). It calls only getters,
 * so the training run is the same with or without it. On a learner that is not PreQN it records nothing.
 *
 * <p>Stability: experimental. @since 0.2
 */
public final class UpdateTelemetrySampler extends ContinuingTrainingListener {

    private final int every;
    private final List<RunSeries.UpdateSample> samples = new ArrayList<>();
    private long sampledUpdates;
    private long sampledLineSearchFailures;
    private long sampledSkipped;
    private long sampledSolveFailures;

    /** @param every updates between samples, >= 1 */
    public UpdateTelemetrySampler(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1 update, got " + every);
        }
        this.every = every;
    }

    /** The samples so far, in step order. */
    public List<RunSeries.UpdateSample> samples() {
        return List.copyOf(samples);
    }

    /**
     * Offers the algorithm's state at an episode end; records a sample when {@code every} updates passed since the
     * previous one.
     *
     * @param step               environment steps so far
     * @param updates            {@link PreQNUpdateAlgorithm#updates()}
     * @param lineSearchFailures {@link PreQNUpdateAlgorithm#lineSearchFailures()}
     * @param skipped            {@link PreQNUpdateAlgorithm#skippedUpdates()}
     * @param solveFailures      {@link PreQNUpdateAlgorithm#solveFailures()}
     * @param last               the latest update's telemetry (read only when a sample is due)
     * @return true when a sample was recorded
     */
    boolean offer(long step, long updates, long lineSearchFailures, long skipped, long solveFailures,
            Supplier<PreQNUpdate> last) {
        long window = updates - sampledUpdates;
        if (window < every) {
            return false;
        }
        PreQNUpdate u = last.get();
        samples.add(new RunSeries.UpdateSample(step, updates, window,
                (double) (lineSearchFailures - sampledLineSearchFailures) / window,
                (double) (skipped - sampledSkipped) / window,
                (double) (solveFailures - sampledSolveFailures) / window,
                u.outcome().name(), u.trials(), u.stepFraction(), u.conditionNumber(), u.lambda(), u.tdClosed(),
                u.bootOverDq()));
        sampledUpdates = updates;
        sampledLineSearchFailures = lineSearchFailures;
        sampledSkipped = skipped;
        sampledSolveFailures = solveFailures;
        return true;
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        if (trainer instanceof PreQNDiscreteDense<?> preqn) {
            PreQNUpdateAlgorithm a = preqn.updateAlgorithm();
            offer(trainer.getStepCount(), a.updates(), a.lineSearchFailures(), a.skippedUpdates(), a.solveFailures(),
                    a::lastUpdate);
        }
        return ListenerResponse.CONTINUE;
    }
}
