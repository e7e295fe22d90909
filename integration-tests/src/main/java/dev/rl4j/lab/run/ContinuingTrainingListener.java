package dev.rl4j.lab.run;

import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.util.IDataManager;

/**
 * A legacy RL4J {@link TrainingListener} whose every callback lets training continue and does nothing else; the lab's
 * read-only listeners (episode log, progress bar, greedy checkpoints, PreQN telemetry) override only the callbacks
 * they act on.
 */
public abstract class ContinuingTrainingListener implements TrainingListener {

    @Override
    public ListenerResponse onTrainingStart() {
        return ListenerResponse.CONTINUE;
    }

    @Override
    public void onTrainingEnd() {
        // nothing to do
    }

    @Override
    public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
        return ListenerResponse.CONTINUE;
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        return ListenerResponse.CONTINUE;
    }

    @Override
    public ListenerResponse onTrainingProgress(ILearning learning) {
        return ListenerResponse.CONTINUE;
    }
}
