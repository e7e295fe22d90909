package dev.rl4j.lab.run;

import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.regression.SeedResult;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legacy RL4J listener that records each episode's return and step count and logs progress at INFO every
 * {@code logEvery} episodes ({@code charts/episodic_return}, {@code charts/mean100}).
 *
 * <p>Stability: experimental. @since 0.1
 */
final class EpisodeRecorder extends ContinuingTrainingListener {

    private static final Logger log = LoggerFactory.getLogger(EpisodeRecorder.class);

    private final String name;
    private final int logEvery;
    private final List<RunSeries.Episode> episodes = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    /**
     * @param name     run label used in logs
     * @param logEvery episodes between INFO lines, >= 1
     */
    public EpisodeRecorder(String name, int logEvery) {
        if (logEvery < 1) {
            throw new IllegalArgumentException("logEvery must be >= 1, got " + logEvery);
        }
        this.name = name;
        this.logEvery = logEvery;
    }

    /** Episodes finished so far, in order (a copy). */
    public List<RunSeries.Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** Mean return of the last min(100, n) episodes; NaN before the first episode. */
    public double meanOfLast100() {
        return mean100(episodes);
    }

    /** Mean return of the last min(100, n) episodes ({@link SeedResult#mean100}); NaN when there are none. */
    static double mean100(List<RunSeries.Episode> episodes) {
        return SeedResult.mean100(episodes.stream().map(RunSeries.Episode::reward).toList());
    }

    @Override
    public void onTrainingEnd() {
        log.info("{}: training ended after {} episodes, charts/mean100={}", name, episodes.size(), meanOfLast100());
    }

    @Override
    public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
        episodes.add(new RunSeries.Episode(statEntry.getStepCounter(), episodes.size() + 1, statEntry.getReward()));
        if (episodes.size() % logEvery == 0) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            log.info("{}: episode={} step={} charts/episodic_return={} charts/mean100={} charts/SPS={}", name,
                    episodes.size(), statEntry.getStepCounter(), statEntry.getReward(),
                    String.format("%.1f", meanOfLast100()), String.format("%.0f", statEntry.getStepCounter() / seconds));
        }
        return ListenerResponse.CONTINUE;
    }
}
