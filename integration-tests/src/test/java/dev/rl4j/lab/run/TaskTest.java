package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.lab.LabRun;
import dev.rl4j.lab.env.ClassicControlMdp;
import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tasks of {@code run}/{@code regress}: sizes, caps and bounds agree with the MDPs; the CLI trains on each. */
class TaskTest {

    @ParameterizedTest
    @EnumSource(Task.class)
    void sizesAgreeWithTheMdpAndTheNetworkFollowsThem(Task task) {
        MDP<Box, Integer, DiscreteSpace> mdp = task.mdp(1);
        assertThat(mdp.getObservationSpace().getShape()).containsExactly(task.observationSize());
        assertThat(mdp.getActionSpace().getSize()).isEqualTo(task.actionCount());
        assertThat(mdp.reset().toArray()).hasSize(task.observationSize());
        if (mdp instanceof ClassicControlMdp c) {
            assertThat(task.episodeCap()).isEqualTo(c.task().timeLimit());
            assertThat(task.rewardBound()).isEqualTo(c.task().rewardBound());
        }
        CartpoleSettings s = CartpoleSettings.defaults(Algo.DQN, 1, 10).withNetwork(8, 2);
        MultiLayerNetwork net = CartpoleExperiment.network(task, s);
        assertThat(net.layerInputSize(0)).isEqualTo(task.observationSize());
        assertThat(net.getLayerWiseConfigurations().getConf(2).getLayer())
                .extracting(l -> ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) l).getNOut())
                .isEqualTo((long) task.actionCount());
    }

    @Test
    void capsAndSoftBoundsAreGymsAndRl4jsDefaults() {
        assertThat(Task.CARTPOLE.episodeCap()).isEqualTo(200);
        assertThat(Task.ACROBOT.episodeCap()).isEqualTo(500);
        assertThat(Task.MOUNTAINCAR.episodeCap()).isEqualTo(200);
        assertThat(Task.ACROBOT.softBound(0.99)).isCloseTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThatThrownBy(() -> Task.ACROBOT.softBound(1.0)).hasMessage("gamma must be in [0, 1), got 1.0");
    }

    @Test
    void runTrainsOnAcrobotWithSixInputsThreeActionsAndItsCap(@TempDir Path out) {
        LabRun r = LabRun.of("run", "--env", "acrobot", "--steps", "600", "--hidden", "8", "--layers", "1",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("env").asText()).isEqualTo("acrobot");
        assertThat(j.get("steps").asLong()).isGreaterThanOrEqualTo(600);
        assertThat(j.get("mean100").asDouble()).isBetween(-500.0, 0.0);
        JsonNode learner = j.get("provenance").get("settings").get("learner");
        assertThat(learner.get("network").asText()).isEqualTo("6-8-3");
        assertThat(learner.get("episode_cap").asText()).isEqualTo("500");
        assertThat(learner.get("soft_bound").asDouble()).isEqualTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(out.resolve("episodes.csv")).isNotEmptyFile();
    }

    @Test
    void regressRunsMountainCarSeedsWithTwoInputsAndItsCap(@TempDir Path out) {
        LabRun r = LabRun.of("regress", "--env", "mountain-car", "--algo", "dqn", "--seeds", "1,2", "--steps", "200",
                "--expect", "episodes>=1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("env").asText()).isEqualTo("mountaincar");
        assertThat(j.get("provenance").get("settings").get("learner").get("network").asText()).isEqualTo("2-100-100-100-3");
        assertThat(j.get("runs")).allSatisfy(run -> assertThat(run.get("mean100").asDouble()).isEqualTo(-200.0));
    }
}
