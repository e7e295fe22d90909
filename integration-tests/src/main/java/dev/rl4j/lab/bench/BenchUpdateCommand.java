package dev.rl4j.lab.bench;

import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.StandardDQN;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-update}: times one learner update on a fixed set of random minibatches and prints one JSON line.
 * {@code --algo dqn} is RL4J's own update: {@code StandardDQN.compute} (targets and labels) then {@code DQN.fit}
 * through the network's Adam updater, as {@code SyncLabelsNeuralNetUpdater} does. {@code --algo preqn} is
 * {@code PreQNUpdateAlgorithm.compute} with default settings (targets, kernel, solve, step, line search). Both run on
 * the same float ReLU network shape RL4J builds, on 16 minibatches of CartPole transitions from a random policy (the
 * default) or of Gaussian noise ({@code --data gaussian}: its targets make PreQN's line search shrink 4-5 times).
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "bench-update", mixinStandardHelpOptions = true,
        description = "Time one DQN or PreQN update on random minibatches; prints one JSON line.")
public final class BenchUpdateCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec commandSpec;

    @Option(names = "--net", defaultValue = "4-100-100-100-2", description = "layer widths (default ${DEFAULT-VALUE})")
    String net;

    @Option(names = "--batch", defaultValue = "32", description = "transitions per update, >= 2 (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--algo", defaultValue = "preqn", description = "dqn | preqn (default ${DEFAULT-VALUE})")
    String algo;

    @Option(names = "--reps", defaultValue = "500", description = "timed updates, >= 1 (default ${DEFAULT-VALUE})")
    int reps;

    @Option(names = "--warmup", defaultValue = "500", description = "untimed updates, >= 0 (default ${DEFAULT-VALUE}; the JIT settles late)")
    int warmup;

    @Option(names = "--threads", description = "BLAS threads, >= 1 (default: available processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--data", defaultValue = "cartpole",
            description = "cartpole (random-policy CartpoleNative transitions; needs 4 inputs and 2 actions) | gaussian (default ${DEFAULT-VALUE})")
    String data;

    @Override
    public Integer call() {
        NetSpec spec = NetSpec.parse(net);
        if (batch < 2) {
            throw new IllegalArgumentException("--batch must be >= 2, got " + batch);
        }
        if (reps < 1 || warmup < 0) {
            throw new IllegalArgumentException("--reps must be >= 1 and --warmup >= 0, got " + reps + " and " + warmup);
        }
        String a = algo.toLowerCase(Locale.ROOT);
        if (!a.equals("dqn") && !a.equals("preqn")) {
            throw new IllegalArgumentException("--algo must be dqn or preqn, got '" + algo + "'");
        }
        int blasThreads = LabOptions.blasThreads(threads);
        MultiLayerNetwork network = spec.build(seed, DataType.FLOAT, LabOptions.activation("relu"));
        List<List<StateActionRewardState<Integer>>> batches;
        switch (data.toLowerCase(Locale.ROOT)) {
            case "cartpole" -> {
                if (spec.inputs() != 4 || spec.actions() != 2) {
                    throw new IllegalArgumentException("--data cartpole needs a 4-...-2 network, got " + spec
                            + "; use --data gaussian");
                }
                batches = cartpoleBatches(batch, 16, seed);
            }
            case "gaussian" -> batches = batches(spec, batch, 16, seed);
            default -> throw new IllegalArgumentException("--data must be cartpole or gaussian, got '" + data + "'");
        }
        Runnable update;
        if (a.equals("dqn")) {
            DQN current = new DQN(network);
            DQN target = current.clone();
            StandardDQN dqn = new StandardDQN(current, target,
                    BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.99).errorClamp(1.0).build());
            int[] k = {0};
            update = () -> current.fit(dqn.compute(batches.get(k[0]++ % batches.size())));
        } else {
            PreQNUpdateAlgorithm preqn = PreQNUpdateAlgorithm.of(network, PreQNConfiguration.builder().build(), 0.99, 1.0);
            int[] k = {0};
            update = () -> preqn.compute(batches.get(k[0]++ % batches.size()));
        }
        Timings t = Timings.measure(warmup, reps, update);
        commandSpec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"bench\":\"update\",\"net\":\"%s\",\"batch\":%d,\"algo\":\"%s\",\"data\":\"%s\",\"dtype\":\"float\",\"params\":%d,"
                        + "\"reps\":%d,\"median_ms\":%.4f,\"min_ms\":%.4f,\"max_ms\":%.4f,\"p90_ms\":%.4f,"
                        + "\"blas_threads\":%d}",
                spec, batch, a, data.toLowerCase(Locale.ROOT), network.numParams(), t.reps(), t.medianMs(), t.minMs(), t.maxMs(), t.p90Ms(), blasThreads));
        return 0;
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
