package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.EigenvalueMethod;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.testing.CartpoleTransitions;
import dev.rl4j.testing.DenseNets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The listener's probe (Krylov eigenvalues) against the same probe with the reference full decompositions, on
 * RL4J's default CartPole network (4-100-100-100-2, float) and CartPole transitions: every record column is the same
 * except the eigenvalue columns, which agree to 1e-6 relative down to the reference's round-off floor; the findings
 * are the same.
 */
class StandaloneProbeTest {

    private static final Set<String> EIGENVALUE_COLUMNS = Set.of("ntk/eig_min", "ntk/eig_max", "ntk/cond",
            "ntk/seem", "ntk/seem_normalized");

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, 1e-6}) // a DQN learner, then a PreQN learner (preconditioned kernel)
    void theListenersProbeAgreesWithTheReferenceOnEveryColumn(double damping) {
        MultiLayerNetwork net = DenseNets.dense(3, DataType.FLOAT, Activation.RELU, 4, 2, 100, 100, 100);
        List<Transition> batch = transitions(CartpoleTransitions.randomPolicy(Double.isNaN(damping) ? 256 : 128, 3));
        StandaloneProbe.Settings settings = new StandaloneProbe.Settings(0.99, 1e-3, 1.0, 0.025, damping,
                FindingRules.live());
        EmpiricalNtk ntk = EmpiricalNtk.of(net);

        StandaloneProbe.Result fast = StandaloneProbe.run(net, ntk, batch, settings, EigenvalueMethod.KRYLOV);
        StandaloneProbe.Result ref = StandaloneProbe.run(net, ntk, batch, settings,
                EigenvalueMethod.FULL_DECOMPOSITION);

        assertThat(fast.measurement().hasKernelMetrics()).isTrue();
        Map<String, Object> a = fast.measurement().columns();
        Map<String, Object> b = ref.measurement().columns();
        double eigMax = (Double) b.get("ntk/eig_max");
        for (String column : a.keySet()) {
            if (column.equals("probe/millis")) {
                continue;
            }
            if (EIGENVALUE_COLUMNS.contains(column)) {
                double x = (Double) a.get(column);
                double y = (Double) b.get(column);
                double floor = column.equals("ntk/eig_min") ? 1e-12 * eigMax
                        : column.equals("ntk/cond") ? 1e-6 * Math.abs(y) : 1e-10;
                assertThat(Math.abs(x - y)).as(column + ": " + x + " against " + y)
                        .isLessThanOrEqualTo(1e-6 * Math.abs(y) + floor);
            } else {
                assertThat(a.get(column)).as(column).isEqualTo(b.get(column));
            }
        }
        assertThat(fast.findings()).extracting(Finding::kind)
                .containsExactlyElementsOf(ref.findings().stream().map(Finding::kind).toList());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40})
    void qValuesEqualTheNetworksOwnForwardPassUpToFloatRoundOffAndStagesAreTimed(int n) {
        MultiLayerNetwork net = DenseNets.dense(5, DataType.FLOAT, Activation.RELU, 4, 2, 16, 16);
        CartpoleTransitions t = CartpoleTransitions.randomPolicy(n, 5);
        long start = System.nanoTime();
        StandaloneProbe.Result r = StandaloneProbe.run(net, EmpiricalNtk.of(net), transitions(t),
                new StandaloneProbe.Settings(0.99, 1e-3, 1.0), EigenvalueMethod.KRYLOV);
        long total = System.nanoTime() - start;

        double maxAbs = net.output(Nd4j.create(t.states()).castTo(DataType.FLOAT), false).castTo(DataType.DOUBLE)
                .amaxNumber().doubleValue();
        // the probe's Q comes from the kernel engine's double pass, the network's from its float pass
        assertThat(r.measurement().q().maxAbs()).isCloseTo(maxAbs, within(1e-5 * maxAbs));
        long sum = 0;
        for (ProbeStages.Stage s : ProbeStages.Stage.values()) {
            assertThat(r.stages().nanos(s)).as(s.name()).isNotNegative();
            sum += r.stages().nanos(s);
        }
        assertThat(sum).isPositive().isLessThanOrEqualTo(total);
        assertThat(r.stages().nanos(ProbeStages.Stage.PRECONDITION)).isZero(); // a DQN learner
    }

    static List<Transition> transitions(CartpoleTransitions t) {
        List<Transition> out = new ArrayList<>();
        for (int i = 0; i < t.actions().length; i++) {
            out.add(new Transition(t.states()[i], t.actions()[i], 1.0, t.nextStates()[i], t.terminal()[i]));
        }
        return out;
    }
}
