package dev.rl4j.testing;

import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.ILearning;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.util.IDataManager;

/** A legacy RL4J {@link TrainingListener} that does nothing and always continues; tests override what they watch. */
public abstract class ContinuingTrainingListener implements TrainingListener {

    @Override
    public ListenerResponse onTrainingStart() {
        return ListenerResponse.CONTINUE;
    }

    @Override
    public void onTrainingEnd() {
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
