package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.rl4j.LearnerDiscovery;
import dev.rl4j.lab.run.CartpoleExperiment;
import dev.rl4j.lab.run.CartpoleSettings;
import dev.rl4j.lab.study.CartpoleStates;
import dev.rl4j.lab.testbed.TestbedRun;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.learning.IEpochTrainer;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.mdp.CartpoleNative;
import org.deeplearning4j.rl4j.util.IDataManager;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One CartPole run of the suite: RL4J's legacy pipeline with the listener attached (one line), and the harness's
 * check after every environment step at which the learner's update count changed (docs/math.md#calibration).
 */
final class CartpoleRunner {

    /** States in the evaluation set (a random-policy rollout of the run's seed). */
    static final int EVALUATION_STATES = 128;
    /** CartPole pays 1 per step (before RL4J's rewardFactor). */
    private static final double CARTPOLE_REWARD = 1.0;

    private CartpoleRunner() {
    }

    static RunRecord run(SuiteEntry entry, CartpoleSettings s, ListenerSetup setup) {
        long start = System.nanoTime();
        JudgedCartpole mdp = new JudgedCartpole(new CartpoleNative((int) s.seed()));
        QLearningDiscrete<?> learner = CartpoleExperiment.learner(s, mdp);
        MultiLayerNetwork net = (MultiLayerNetwork) learner.getNeuralNet().getNeuralNetworks()[0];
        INDArray states = CartpoleStates.rollout(EVALUATION_STATES, (int) s.seed())
                .toArray(net.params().dataType());
        var conf = CartpoleExperiment.configuration(s);
        double q0 = TestbedRun.maxAbs(net.output(states));
        OutcomeJudge judge = new OutcomeJudge(
                OutcomeJudge.bound(CARTPOLE_REWARD * Math.abs(conf.getRewardFactor()), conf.getGamma(), q0), q0);
        long[] lastChecked = {0};
        mdp.watch(() -> {
            long u = LearnerDiscovery.updateCount(learner, net);
            if (u != lastChecked[0]) {
                lastChecked[0] = u;
                judge.check(u, TestbedRun.maxAbs(net.output(states)));
            }
        }, judge::diverged);
        List<ProbeRecord> probes = new ArrayList<>();
        NtkDiagnostics diagnostics = setup.builder().sink(probes::add).build();
        learner.addListener(diagnostics);
        learner.addListener(new StopWhenDiverged(judge));
        try {
            learner.train();
        } finally {
            diagnostics.close();
        }
        long updates = LearnerDiscovery.updateCount(learner, net);
        if (!judge.diverged() && updates != lastChecked[0]) {
            judge.check(updates, TestbedRun.maxAbs(net.output(states)));
        }
        return new RunRecord(entry, judge.outcome(updates), probes, (System.nanoTime() - start) / 1e9,
                diagnostics.isDisabled(), LearnerDiscovery.targetSyncInterval(learner).orElse(null));
    }

    /** Ends training at the first episode end after the harness judged the run diverged. */
    private record StopWhenDiverged(OutcomeJudge judge) implements TrainingListener {

        @Override
        public ListenerResponse onTrainingStart() {
            return ListenerResponse.CONTINUE;
        }

        @Override
        public void onTrainingEnd() {
        }

        @Override
        public ListenerResponse onNewEpoch(IEpochTrainer trainer) {
            return response();
        }

        @Override
        public ListenerResponse onEpochTrainingResult(IEpochTrainer trainer, IDataManager.StatEntry statEntry) {
            return response();
        }

        @Override
        public ListenerResponse onTrainingProgress(org.deeplearning4j.rl4j.learning.ILearning learning) {
            return response();
        }

        private ListenerResponse response() {
            return judge.diverged() ? ListenerResponse.STOP : ListenerResponse.CONTINUE;
        }
    }
}
