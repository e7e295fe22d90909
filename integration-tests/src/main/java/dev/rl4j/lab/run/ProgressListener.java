package dev.rl4j.lab.run;

import dev.rl4j.lab.Progress;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * Legacy RL4J listener that moves a {@link Progress} bar counting environment steps over several runs (learners or
 * seeds): at each episode end (RL4J calls legacy listeners per episode) to {@code offset + learner step count}, and at
 * the end of training to {@code offset + steps}, so that a run stopped early still fills its share.
 *
 * <p>Stability: experimental. @since 0.1
 */
final class ProgressListener extends ContinuingTrainingListener {

    private final Progress progress;
    private final long offset;
    private final long steps;

    /**
     * @param progress the bar (a no-op when not interactive)
     * @param offset   steps of the runs before this one
     * @param steps    this run's step budget
     */
    ProgressListener(Progress progress, long offset, long steps) {
        this.progress = progress;
        this.offset = offset;
        this.steps = steps;
    }

    @Override
    public ListenerResponse onTrainingStart() {
        progress.stepTo(offset);
        return ListenerResponse.CONTINUE;
    }

    @Override
    public void onTrainingEnd() {
        progress.stepTo(offset + steps);
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        progress.stepTo(offset + Math.min(steps, trainer.getStepCount()));
        return ListenerResponse.CONTINUE;
    }
}
