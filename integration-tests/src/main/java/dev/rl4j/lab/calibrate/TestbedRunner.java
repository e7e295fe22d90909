package dev.rl4j.lab.calibrate;

import dev.rl4j.diagnostics.NtkDiagnosticsBuilder;
import dev.rl4j.diagnostics.NtkMonitor;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.StepSizeProvider;
import dev.rl4j.diagnostics.Transition;
import dev.rl4j.lab.TransitionBatch;
import dev.rl4j.lab.testbed.BairdCounterexample;
import dev.rl4j.lab.testbed.SemiGradientQLearning;
import dev.rl4j.lab.testbed.TestbedRun;
import dev.rl4j.lab.testbed.TsitsiklisVanRoy;
import dev.rl4j.lab.testbed.TwoStateDoubling;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.preqn.PreQNUpdateAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One linear-testbed run of the suite: a loop of its own (semi-gradient Q-learning, or PreQN's update algorithm, on
 * the testbed's minibatch stream), with the listener's RL4J-free core ({@link NtkDiagnosticsBuilder#buildMonitor()})
 * fed every experienced transition and probing when its schedule says so, and the harness's check after every update
 * over all of the testbed's states (docs/math.md#calibration).
 */
final class TestbedRunner {

    private TestbedRunner() {
    }

    static RunRecord run(SuiteEntry entry, Scenario.Linear l, ListenerSetup setup) {
        long start = System.nanoTime();
        Random random = new Random(entry.seed());
        MultiLayerNetwork net;
        INDArray states;
        Supplier<TransitionBatch> data;
        switch (l.testbed()) {
            case W2W -> {
                net = TestbedRun.scalarValueNetwork();
                states = Nd4j.create(new double[][] {{TwoStateDoubling.X1}, {TwoStateDoubling.X2}});
                data = TwoStateDoubling::batch;
            }
            case TVR -> {
                net = TestbedRun.scalarValueNetwork();
                states = Nd4j.create(new double[][] {{TwoStateDoubling.X1}, {TwoStateDoubling.X2}});
                data = () -> TsitsiklisVanRoy.batch(l.eps(), random);
            }
            case BAIRD -> {
                net = BairdCounterexample.linearQNetwork(DataType.DOUBLE);
                states = Nd4j.create(BairdCounterexample.featureMatrix());
                data = () -> BairdCounterexample.sample(random, 32);
            }
            default -> throw new IllegalStateException("unknown testbed " + l.testbed());
        }
        double q0 = TestbedRun.maxAbs(net.output(states));
        OutcomeJudge judge = new OutcomeJudge(OutcomeJudge.bound(0, l.gamma(), q0), q0);
        SemiGradientQLearning sgd = l.algo().equals("q-learning") ? new SemiGradientQLearning(net, l.alpha(), l.gamma())
                : null;
        PreQNUpdateAlgorithm preqn = sgd == null
                ? PreQNUpdateAlgorithm.of(net, PreQNConfiguration.builder().alpha(Math.min(l.alpha(), 1.0)).eta(0.0)
                        .build(), l.gamma(), Double.NaN)
                : null;
        List<ProbeRecord> probes = new ArrayList<>();
        NtkDiagnosticsBuilder builder = setup.builder().sink(probes::add);
        if (sgd != null) {
            builder.stepSize(l.alpha()); // an own loop: the listener cannot discover alpha (eq. 5 with rho = 1/N)
        }
        NtkMonitor monitor = builder.buildMonitor();
        Optional<StepSizeProvider> provider = Optional.ofNullable(preqn);
        monitor.bind(l, net, l.gamma(), () -> provider, 1); // both learners bootstrap from the weights they update
        long updates = 0;
        try {
            for (int t = 0; t < l.updates(); t++) {
                TransitionBatch b = data.get();
                monitor.guard("offer", () -> offer(monitor, b));
                if (sgd != null) {
                    sgd.update(b);
                } else {
                    preqn.compute(TestbedRun.rl4j(b));
                }
                long u = ++updates;
                if (judge.check(u, TestbedRun.maxAbs(net.output(states)))) {
                    break;
                }
                monitor.guard("probe", () -> {
                    monitor.recordProgress(u, 0);
                    if (monitor.isProbeDue(u)) {
                        monitor.probe(monitor.sampleReservoir(), u, System.nanoTime());
                    }
                });
            }
        } finally {
            monitor.close();
        }
        return new RunRecord(entry, judge.outcome(updates), probes, (System.nanoTime() - start) / 1e9,
                monitor.isDisabled(), 1);
    }

    private static void offer(NtkMonitor monitor, TransitionBatch b) {
        for (int i = 0; i < b.size(); i++) {
            monitor.recordReward(b.rewards()[i]);
            monitor.offer(new Transition(b.states()[i].clone(), b.actions()[i], b.rewards()[i],
                    b.nextStates()[i].clone(), b.terminal()[i]));
        }
    }
}
