package dev.rl4j.lab.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.AgentLearner;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.update.updater.NeuralNetUpdaterConfiguration;
import org.deeplearning4j.rl4j.builder.DoubleDQNBuilder;
import org.deeplearning4j.rl4j.environment.StepResult;
import org.deeplearning4j.rl4j.experience.ReplayMemoryExperienceHandler;
import org.deeplearning4j.rl4j.network.QNetwork;
import org.deeplearning4j.rl4j.observation.transform.TransformProcess;
import org.deeplearning4j.rl4j.observation.transform.operation.ArrayToINDArrayTransform;
import org.deeplearning4j.rl4j.policy.EpsGreedy;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.trainer.SyncTrainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The legacy MDP and the builder Environment of each task: same episodes for a seed, terminal only at the goal. */
class ClassicControlAdaptersTest {

    private static LongFunction<ClassicControlMdp> mdp(String task) {
        return task.equals("acrobot") ? ClassicControlMdp::acrobot : ClassicControlMdp::mountainCar;
    }

    private static LongFunction<ClassicControlEnvironment> environment(String task) {
        return task.equals("acrobot") ? ClassicControlEnvironment::acrobot : ClassicControlEnvironment::mountainCar;
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrobot", "mountaincar"})
    void bothPipelinesAdaptersAgreeStepByStepOverSeveralEpisodes(String task) {
        ClassicControlMdp legacy = mdp(task).apply(42);
        ClassicControlEnvironment builder = environment(task).apply(42);
        Random actions = new Random(9);
        int terminals = 0;
        for (int episode = 0; episode < 3; episode++) {
            assertThat(legacy.reset().toArray()).containsExactly((double[]) builder.reset().get("data"));
            for (int step = 0; step < 150 && !legacy.isDone(); step++) {
                int a = actions.nextInt(3);
                StepReply<Box> l = legacy.step(a);
                StepResult b = builder.step(a);
                assertThat(l.getObservation().toArray()).containsExactly((double[]) b.getChannelsData().get("data"));
                assertThat(l.getReward()).isEqualTo(b.getReward());
                assertThat(l.isDone()).isEqualTo(b.isTerminal()).isEqualTo(legacy.isDone())
                        .isEqualTo(builder.isEpisodeFinished());
                terminals += l.isDone() ? 1 : 0;
            }
        }
        assertThat(terminals).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrobot", "mountaincar"})
    void theSameSeedGivesTheSameEpisodesAndAnotherSeedOthers(String task) {
        assertThat(observations(mdp(task).apply(7))).isEqualTo(observations(mdp(task).apply(7)));
        assertThat(observations(mdp(task).apply(7))).isNotEqualTo(observations(mdp(task).apply(8)));
        assertThat(observations(mdp(task).apply(7).newInstance())).isEqualTo(observations(mdp(task).apply(8)));
    }

    /** Three episodes' initial observations and 20 steps of a fixed action pattern. */
    private static List<List<Double>> observations(ClassicControlMdp m) {
        List<List<Double>> out = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            out.add(boxed(m.reset().toArray()));
            for (int s = 0; s < 20; s++) {
                out.add(boxed(m.step(s % 3).getObservation().toArray()));
            }
        }
        return out;
    }

    private static List<Double> boxed(double[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrobot", "mountaincar"})
    void spacesFollowTheTask(String task) {
        ClassicControlMdp m = mdp(task).apply(1);
        assertThat(m.getObservationSpace().getShape()).containsExactly(m.task().observationSize());
        assertThat(m.getActionSpace().getSize()).isEqualTo(3);
        assertThat(m.reset().toArray()).hasSize(task.equals("acrobot") ? 6 : 2);
        ClassicControlEnvironment e = environment(task).apply(1);
        assertThat(e.getSchema().getActionSchema().getNoOp()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrobot", "mountaincar"})
    void theTimeLimitIsNeverReportedAsTerminal(String task) {
        // doing nothing from the initial states never reaches the goal of either task: no terminal however long
        ClassicControlMdp m = mdp(task).apply(3);
        m.reset();
        int limit = m.task().timeLimit();
        for (int i = 0; i < 2 * limit; i++) {
            assertThat(m.step(m.task().noOpAction()).isDone()).as("step %d", i).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"acrobot", "mountaincar"})
    void rl4jsBuilderPipelineTrainsOnTheEnvironmentAndCutsEpisodesAtTheCap(String task) {
        int cap = 60;
        MultiLayerNetwork mln = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                .updater(new Sgd(1e-3)).list()
                .layer(new DenseLayer.Builder().nIn(task.equals("acrobot") ? 6 : 2).nOut(8)
                        .activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(8).nOut(3)
                        .activation(Activation.IDENTITY).build())
                .build());
        mln.init();
        org.nd4j.linalg.api.rng.Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(5);
        DoubleDQNBuilder.Configuration conf = DoubleDQNBuilder.Configuration.builder()
                .agentLearnerConfiguration(AgentLearner.Configuration.builder().maxEpisodeSteps(cap).build())
                .policyConfiguration(EpsGreedy.Configuration.builder().epsilonNbStep(100).minEpsilon(0.1).build())
                .experienceHandlerConfiguration(ReplayMemoryExperienceHandler.Configuration.builder()
                        .maxReplayMemorySize(500).batchSize(8).build())
                .neuralNetUpdaterConfiguration(NeuralNetUpdaterConfiguration.builder().targetUpdateFrequency(20).build())
                .updateAlgorithmConfiguration(BaseTransitionTDAlgorithm.Configuration.builder().gamma(0.99).build())
                .build();
        int inputs = task.equals("acrobot") ? 6 : 2;
        DoubleDQNBuilder builder = new DoubleDQNBuilder(conf, QNetwork.builder().withNetwork(mln).build(),
                () -> environment(task).apply(5),
                () -> TransformProcess.builder().transform("data", new ArrayToINDArrayTransform(1, inputs)).build("data"),
                rnd);
        SyncTrainer<Integer> trainer = new SyncTrainer<>(builder, t -> t.getStepCount() >= 3 * cap);
        trainer.train();
        assertThat(trainer.getStepCount()).isEqualTo(3 * cap); // neither task is solved in 60 steps from rest
        assertThat(trainer.getEpisodeCount()).isEqualTo(3);
    }
}
