package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.testing.DenseNets;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** Orthogonal one-hot features (a tabular Q-function): K is the identity on distinct pairs. */
class TabularFeaturesTest {

    private static final int STATES = 6;
    private static final int ACTIONS = 2;

    @Test
    void oneHotFeaturesRaiseNoOverGeneralisationWarning() {
        double[][] w = new double[STATES][ACTIONS];
        for (int s = 0; s < STATES; s++) {
            w[s][0] = 0.1 * s;
            w[s][1] = -0.05 * s;
        }
        MultiLayerNetwork net = DenseNets.linear(STATES, ACTIONS, w);
        List<Transition> batch = new ArrayList<>();
        for (int s = 0; s < STATES; s++) {
            for (int a = 0; a < ACTIONS; a++) { // every (s, a) pair once: no duplicate rows
                batch.add(new Transition(oneHot(s), a, 1.0, oneHot((s + 1) % STATES), s == STATES - 1));
            }
        }

        ProbeMeasurement m = ProbeComputation.measure(net, EmpiricalNtk.of(net), batch,
                LinearQNets.context(0.9, 0.5, 1.0));

        assertThat(m.kernel().rowRatioMax()).isZero();
        assertThat(m.kernel().fraction17()).isEqualTo(1.0);
        assertThat(m.kernel().beta()).isLessThan(1.0);
        assertThat(FindingRules.live().evaluate(m)).extracting(Finding::kind)
                .doesNotContain(FindingKind.OVER_GENERALIZATION, FindingKind.STEP_TOO_LARGE);
    }

    private static double[] oneHot(int s) {
        double[] x = new double[STATES];
        x[s] = 1;
        return x;
    }
}
