package dev.rl4j.lab.run;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeSchedule;
import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.lab.study.CartpoleStates;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.provenance.NetworkShape;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.learning.listener.TrainingListener;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains a learner on CartPole ({@code CartpoleNative}, no server) or another {@link Task} through RL4J's legacy
 * pipeline and records the episodes. The methods without a {@code Task} are CartPole's. The network is RL4J's {@code DQNFactoryStdDense} shape (dense ReLU layers, identity MSE output, Xavier),
 * built here so that the seed also varies the initialisation (the factory uses one fixed seed for every run).
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class CartpoleExperiment {

    private CartpoleExperiment() {
    }

    /**
     * The result of a run.
     *
     * @param series  episodes and (if diagnostics were attached by the caller) nothing else; callers add probes
     * @param learner the trained learner (policy, network)
     * @param seconds wall time of {@code train()}
     */
    public record Result(RunSeries series, QLearningDiscrete<?> learner, double seconds) {
    }

    /** RL4J's QLearningConfiguration for these settings. */
    public static QLearningConfiguration configuration(CartpoleSettings s) {
        QLearningConfiguration.QLearningConfigurationBuilder<?, ?> b = QLearningConfiguration.builder()
                .seed(s.seed())
                .maxEpochStep(s.episodeCap())
                .maxStep(s.steps())
                .targetDqnUpdateFreq(s.targetNetwork() ? s.targetUpdate() : 1)
                .errorClamp(s.errorClamp())
                .doubleDQN(s.algo() == Algo.DDQN);
        if (s.preset() == CartpolePreset.OFFICIAL_EXAMPLE) {   // DQNCartpole's QLConfiguration
            b.expRepMaxSize(150000).batchSize(128).updateStart(10).rewardFactor(s.rewardFactor()).gamma(0.99)
                    .minEpsilon(0.1).epsilonNbStep(1000).doubleDQN(s.algo() != Algo.PREQN);
        }
        return b.build();
    }

    /**
     * The learner's settings for provenance: {@link CartpoleSettings#asMap()}, RL4J's Q-learning configuration, the
     * network's shape and, for PreQN, its {@code PreQNConfiguration}.
     */
    public static Map<String, Object> provenance(CartpoleSettings s) {
        return provenance(Task.CARTPOLE, s);
    }

    /** As {@link #provenance(CartpoleSettings)} on the given task, with its soft-divergence bound. */
    public static Map<String, Object> provenance(Task task, CartpoleSettings s) {
        Map<String, Object> m = new LinkedHashMap<>(describe(task, s));
        QLearningConfiguration conf = configuration(s);
        m.put("qlearning_configuration", conf.toString());
        m.put("soft_bound", task.softBound(conf.getGamma()));
        m.put("network_shape", NetworkShape.of(network(task, s)));
        if (s.algo() == Algo.PREQN) {
            m.put("preqn_configuration", s.preqn().toString());
        }
        return m;
    }

    /** The settings of a run on the task for report headers: {@link CartpoleSettings#asMap()}, env and the network. */
    public static Map<String, String> describe(Task task, CartpoleSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("env", task.title());
        m.putAll(s.asMap());
        m.put("network", task.observationSize() + "-" + (s.hidden() + "-").repeat(s.layers()) + task.actionCount());
        return m;
    }

    /** The Q-network of {@code DQNFactoryStdDense} with RL4J's defaults, seeded, for CartPole (4 inputs, 2 actions). */
    public static MultiLayerNetwork network(CartpoleSettings s) {
        return network(Task.CARTPOLE, s);
    }

    /** As {@link #network(CartpoleSettings)} with the task's observation size as inputs and its actions as outputs. */
    public static MultiLayerNetwork network(Task task, CartpoleSettings s) {
        boolean official = s.preset() == CartpolePreset.OFFICIAL_EXAMPLE;   // DQNCartpole: RmsProp, l2 0
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(s.seed())
                .updater(official ? new RmsProp(s.learningRate()) : new Adam(s.learningRate()))
                .weightInit(WeightInit.XAVIER).list();
        int in = task.observationSize();
        for (int i = 0; i < s.layers(); i++) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(s.hidden()).activation(Activation.RELU).build());
            in = s.hidden();
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(in)
                .nOut(task.actionCount())
                .build());
        MultiLayerNetwork net = new MultiLayerNetwork(b.build());
        net.init();
        return net;
    }

    /** Builds the learner for the settings (the one line a user changes to swap DQN for PreQN). */
    public static QLearningDiscrete<?> learner(CartpoleSettings s) {
        return learner(Task.CARTPOLE, s);
    }

    /** As {@link #learner(CartpoleSettings)} on the task's MDP, seeded with the settings' seed. */
    public static QLearningDiscrete<?> learner(Task task, CartpoleSettings s) {
        return learner(task, s, task.mdp(s.seed()));
    }

    /**
     * As {@link #learner(CartpoleSettings)} on a given CartPole environment ({@code CartpoleNative(seed)} or a
     * read-only wrapper of it, such as the calibration's divergence check).
     */
    public static QLearningDiscrete<?> learner(CartpoleSettings s, MDP<Box, Integer, DiscreteSpace> mdp) {
        return learner(Task.CARTPOLE, s, mdp);
    }

    private static QLearningDiscrete<?> learner(Task task, CartpoleSettings s, MDP<Box, Integer, DiscreteSpace> mdp) {
        QLearningConfiguration conf = configuration(s);
        return switch (s.algo()) {
            case DQN, DDQN -> new QLearningDiscreteDense<>(mdp, new DQN(network(task, s)), conf);
            case PREQN -> PreQnLearners.legacy(mdp, network(task, s), conf, s.preqn());
            case Q_LEARNING -> throw new IllegalArgumentException("q-learning runs on the linear testbeds, not on "
                    + task.title());
        };
    }

    /**
     * Trains with the NTK diagnostics listener attached (one line: {@code learner.addListener(diagnostics)}), writing
     * diagnostics.csv and diagnostics.jsonl to {@code out}, and computes the kernel of a fixed CartPole batch before and
     * after training for the report's heatmaps.
     *
     * @param schedule when the listener probes
     */
    public static Result runWithDiagnostics(CartpoleSettings s, String name, java.nio.file.Path out,
            ProbeSchedule schedule) {
        return runWithDiagnostics(s, name, out, schedule, NtkDiagnostics.DEFAULT_CONSECUTIVE_PROBES, provenance(s));
    }

    /**
     * As {@link #runWithDiagnostics(CartpoleSettings, String, java.nio.file.Path, ProbeSchedule)} with the number of consecutive
     * probes a finding needs before it becomes active and the run settings for the diagnostics files' provenance
     * sidecars.
     */
    public static Result runWithDiagnostics(CartpoleSettings s, String name, java.nio.file.Path out,
            ProbeSchedule schedule, int consecutive, Map<String, ?> provenance) {
        return runWithDiagnostics(s, name, out, schedule, consecutive, provenance, List.of());
    }

    /** As above, with further listeners attached after the diagnostics (a progress bar, for example). */
    public static Result runWithDiagnostics(CartpoleSettings s, String name, java.nio.file.Path out,
            ProbeSchedule schedule, int consecutive, Map<String, ?> provenance, List<TrainingListener> extra) {
        QLearningDiscrete<?> learner = learner(s);
        MultiLayerNetwork net = learner.getNeuralNet().getNeuralNetworks()[0] instanceof MultiLayerNetwork m ? m : null;
        CartpoleStates fixed = CartpoleStates.rollout(64, (int) s.seed());
        double[][] before = kernel(net, fixed);
        String file = name.toLowerCase(Locale.ROOT);
        NtkDiagnostics diagnostics = NtkDiagnostics.builder()
                .schedule(schedule).consecutiveProbes(consecutive).seed(s.seed())
                .csv(out.resolve(file + "-diagnostics.csv"))
                .jsonLines(out.resolve(file + "-diagnostics.jsonl"))
                .provenance(provenance)
                .build();
        Result trained;
        try {
            List<TrainingListener> listeners = new ArrayList<>(List.of(diagnostics));
            listeners.addAll(extra);
            trained = train(learner, name, listeners);
        } finally {
            diagnostics.close();
        }
        return new Result(new RunSeries(name, trained.series().episodes(), diagnostics.history(),
                before, kernel(net, fixed)), learner, trained.seconds());
    }

    /** K of the fixed batch for the report's heatmaps; null when the learner's network is not a MultiLayerNetwork. */
    private static double[][] kernel(MultiLayerNetwork net, CartpoleStates fixed) {
        return net == null ? null : EmpiricalNtk.of(net).gram(fixed.toArray(DataType.FLOAT), fixed.actions());
    }

    /** Trains with the given extra listeners attached (diagnostics, for example). */
    public static Result run(CartpoleSettings s, String name, List<TrainingListener> listeners) {
        return run(Task.CARTPOLE, s, name, listeners);
    }

    /** As {@link #run(CartpoleSettings, String, List)} on the task. */
    public static Result run(Task task, CartpoleSettings s, String name, List<TrainingListener> listeners) {
        return train(learner(task, s), name, listeners);
    }

    /** Attaches an episode recorder, then the listeners, and times {@code train()}. */
    private static Result train(QLearningDiscrete<?> learner, String name, List<TrainingListener> listeners) {
        EpisodeRecorder recorder = new EpisodeRecorder(name, 50);
        learner.addListener(recorder);
        listeners.forEach(learner::addListener);
        long start = System.nanoTime();
        learner.train();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(new RunSeries(name, recorder.episodes(), List.of(), null, null), learner, seconds);
    }
}
