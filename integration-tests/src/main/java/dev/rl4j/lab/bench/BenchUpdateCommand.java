package dev.rl4j.lab.bench;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.SeedOption;
import dev.rl4j.lab.run.Algo;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNUpdate;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseDQNAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.DoubleDQN;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.StandardDQN;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench-update}: times one learner update on a fixed set of random minibatches and prints one JSON line.
 * {@code --algo dqn} is RL4J's own update: {@code StandardDQN.compute} (targets and labels) then {@code DQN.fit}
 * through the network's Adam updater, as {@code SyncLabelsNeuralNetUpdater} does ({@code --algo ddqn}: the same with
 * {@code DoubleDQN}). {@code --algo preqn} is
 * {@code PreQNUpdateAlgorithm.compute} with default settings (targets, kernel, solve, step, line search; with
 * {@code --hold-bootstrap} the held-bootstrap variant), and its line adds the median time of each stage
 * ({@code stage_median_ms}, from {@link PreQNUpdate#timing()}) and the mean number of trials. Both run on
 * the same float ReLU network shape RL4J builds, on 16 minibatches of CartPole transitions from a random policy (the
 * default) or of Gaussian noise ({@code --data gaussian}: its targets make PreQN's line search shrink 4-5 times).
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-update", mixinStandardHelpOptions = true,
        description = "Time one DQN, double DQN or PreQN update on random minibatches; prints one JSON line.")
public final class BenchUpdateCommand implements Callable<Integer> {

    /** Minibatch data. */
    public enum Data {
        /** Random-policy CartpoleNative transitions; needs a 4-...-2 network. */
        CARTPOLE,
        /** Gaussian states, uniform actions, rewards in [-1, 1], every tenth transition terminal. */
        GAUSSIAN;

        /** {@code cartpole | gaussian}. */
        static final class Converter extends KebabEnumConverter<Data> {
            Converter() {
                super(Data.class, Map.of());
            }
        }
    }

    @Mixin
    JsonSummary summary;

    @Mixin
    NetOptions network = new NetOptions("4-100-100-100-2", 32, 2);

    @Option(names = "--algo", defaultValue = "preqn", converter = Algo.Converter.class,
            description = "dqn (RL4J's StandardDQN update + Adam fit) | ddqn (RL4J's DoubleDQN) | preqn "
                    + "(default ${DEFAULT-VALUE})")
    Algo algo;

    @Mixin
    TimingOptions timing = new TimingOptions();

    @Mixin
    SeedOption seed = new SeedOption(42);

    @Option(names = "--data", defaultValue = "cartpole", converter = Data.Converter.class,
            description = "cartpole (random-policy CartpoleNative transitions; needs 4 inputs and 2 actions) | gaussian "
                    + "(default ${DEFAULT-VALUE})")
    Data data;

    @Option(names = "--hold-bootstrap", description = "preqn only: hold the bootstrap pairs fixed "
            + "(PreQNConfiguration.holdBootstrap; K on the N + M stacked pairs)")
    boolean holdBootstrap;

    @Option(names = "--eta", description = "preqn only: line-search threshold on cos(dQ, delta), in [0, 1) "
            + "(default: PreQN's, 0.95)")
    Double eta;

    @Override
    public Integer call() {
        NetSpec spec = network.net();
        int batch = network.batch();
        int reps = timing.reps(500);
        int warmup = timing.warmup(500);
        if (algo == Algo.Q_LEARNING) {
            throw new IllegalArgumentException("--algo must be dqn, ddqn or preqn, got 'q-learning'");
        }
        int blasThreads = timing.applyThreads();
        long seed = this.seed.get();
        MultiLayerNetwork net = spec.build(seed, DataType.FLOAT, LabOptions.activation("relu"));
        if (data == Data.CARTPOLE && (spec.inputs() != 4 || spec.actions() != 2)) {
            throw new IllegalArgumentException("--data cartpole needs a 4-...-2 network, got " + spec
                    + "; use --data gaussian");
        }
        List<List<StateActionRewardState<Integer>>> batches = data == Data.CARTPOLE
                ? cartpoleBatches(batch, 16, seed) : batches(spec, batch, 16, seed);
        if (holdBootstrap && algo != Algo.PREQN) {
            throw new IllegalArgumentException("--hold-bootstrap needs --algo preqn, got '" + KebabEnumConverter.kebab(algo)
                    + "'");
        }
        if (eta != null && algo != Algo.PREQN) {
            throw new IllegalArgumentException("--eta needs --algo preqn, got '" + KebabEnumConverter.kebab(algo) + "'");
        }
        JsonLine line;
        if (algo == Algo.PREQN) {
            PreQNConfiguration.Builder conf = PreQNConfiguration.builder().holdBootstrap(holdBootstrap);
            if (eta != null) {
                conf.eta(eta); // validated by the builder: the message names eta, its range and the value
            }
            PreQNConfiguration preqnConf = conf.build();
            PreQNUpdateAlgorithm preqn = PreQNUpdateAlgorithm.of(net, preqnConf, 0.99, 1.0);
            StageTimings stages = new StageTimings(reps);
            int[] k = {0};
            int[] timed = {-warmup};
            Timings t = Timings.measure(warmup, reps, () -> {
                PreQNUpdate u = preqn.compute(batches.get(k[0]++ % batches.size()));
                if (timed[0] >= 0) {
                    stages.record(timed[0], u);
                }
                timed[0]++;
            });
            line = stages.putTo(t.putTo(header(spec, batch, net)).put("hold_bootstrap", holdBootstrap))
                    .put("eta", preqnConf.eta())
                    .put("line_search_failure_fraction", preqn.lineSearchFailures() / (double) (warmup + reps));
        } else {
            line = Timings.measure(warmup, reps, dqnUpdate(algo, net, batches)).putTo(header(spec, batch, net));
        }
        summary.print(line.put("blas_threads", blasThreads));
        return 0;
    }

    private JsonLine header(NetSpec spec, int batch, MultiLayerNetwork net) {
        return new JsonLine().put("bench", "update").put("net", spec.toString()).put("batch", batch)
                .put("algo", KebabEnumConverter.kebab(algo)).put("data", KebabEnumConverter.kebab(data))
                .put("dtype", "float").put("params", net.numParams());
    }

    /** One update of RL4J's {@code algo} (dqn or ddqn), cycling through the batches. */
    private static Runnable dqnUpdate(Algo algo, MultiLayerNetwork net,
            List<List<StateActionRewardState<Integer>>> batches) {
        int[] k = {0};
        DQN current = new DQN(net);
        DQN target = current.clone();
        BaseTransitionTDAlgorithm.Configuration conf = BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.99)
                .errorClamp(1.0).build();
        BaseDQNAlgorithm dqn = algo == Algo.DDQN ? new DoubleDQN(current, target, conf)
                : new StandardDQN(current, target, conf);
        return () -> current.fit(dqn.compute(batches.get(k[0]++ % batches.size())));
    }

    /** Transitions of a uniformly random policy in CartpoleNative (reward 1 per step, terminal on failure). */
    static List<List<StateActionRewardState<Integer>>> cartpoleBatches(int n, int count, long seed) {
        org.deeplearning4j.rl4j.mdp.CartpoleNative env = new org.deeplearning4j.rl4j.mdp.CartpoleNative((int) seed);
        Random policy = new Random(seed);
        double[] obs = env.reset().toArray().clone();
        List<List<StateActionRewardState<Integer>>> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<StateActionRewardState<Integer>> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int a = policy.nextInt(2);
                var reply = env.step(a);
                double[] next = reply.getObservation().toArray().clone();
                StateActionRewardState<Integer> t = new StateActionRewardState<>(observation(obs), a, reply.getReward(),
                        reply.isDone());
                t.setNextObservation(observation(next));
                batch.add(t);
                obs = reply.isDone() ? env.reset().toArray().clone() : next;
            }
            out.add(batch);
        }
        return out;
    }

    private static Observation observation(double[] x) {
        float[] f = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            f[j] = (float) x[j];
        }
        return new Observation(Nd4j.createFromArray(f).reshape(1, f.length));
    }

    /** Random transitions: Gaussian states, uniform actions, rewards in [-1, 1], every tenth terminal. */
    static List<List<StateActionRewardState<Integer>>> batches(NetSpec spec, int n, int count, long seed) {
        Random r = new Random(seed);
        List<List<StateActionRewardState<Integer>>> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<StateActionRewardState<Integer>> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                StateActionRewardState<Integer> t = new StateActionRewardState<>(observation(r, spec.inputs()),
                        r.nextInt(spec.actions()), 2 * r.nextDouble() - 1, i % 10 == 9);
                t.setNextObservation(observation(r, spec.inputs()));
                batch.add(t);
            }
            out.add(batch);
        }
        return out;
    }

    private static Observation observation(Random r, int d) {
        float[] x = new float[d];
        for (int j = 0; j < d; j++) {
            x[j] = (float) r.nextGaussian();
        }
        return new Observation(Nd4j.createFromArray(x).reshape(1, d));
    }
}
