package dev.rl4j.ntk;

import dev.rl4j.ntk.dense.DenseStackKernel;
import dev.rl4j.ntk.dense.ParameterLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link NtkMethod#STRUCTURED}: the structured kernel of a dense stack ({@link DenseStackKernel}). */
final class StructuredPath implements EmpiricalNtk.KernelPath {

    private final DenseStackKernel kernel;

    StructuredPath(MultiLayerNetwork net, ParameterLayout layout) {
        kernel = new DenseStackKernel(net, layout);
    }

    @Override
    public double[][] gram(INDArray states, int[] actions) {
        return kernel.gram(states, actions);
    }

    @Override
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        return kernel.cross(statesA, actionsA, statesB, actionsB);
    }

    @Override
    public double[] weightedGradient(INDArray states, int[] actions, double[] weights) {
        return kernel.weightedGradient(states, actions, weights);
    }

    @Override
    public EmpiricalNtk.Prepared prepare(INDArray states, int[] actions) {
        return adapt(kernel.prepare(states, actions));
    }

    @Override
    public Optional<EmpiricalNtk.TransitionPasses> forwardTransitions(INDArray states, INDArray nextStates) {
        if (!kernel.supportsTransitions()) {
            return Optional.empty();
        }
        DenseStackKernel.Transitions passes = kernel.transitions(states, nextStates);
        return Optional.of(new EmpiricalNtk.TransitionPasses() {
            @Override
            public double[][] q() {
                return passes.q();
            }

            @Override
            public double[][] qNext() {
                return passes.qNext();
            }

            @Override
            public int hiddenLayers() {
                return passes.hiddenLayers();
            }

            @Override
            public double[][] hidden(int h) {
                return passes.hidden(h);
            }

            @Override
            public double[][] hiddenNext(int h) {
                return passes.hiddenNext(h);
            }

            @Override
            public EmpiricalNtk.Prepared prepare(int[] actions) {
                return adapt(passes.prepare(actions));
            }

            @Override
            public double[][] crossNext(int[] nextActions) {
                return passes.crossNext(nextActions);
            }
        });
    }

    private static EmpiricalNtk.Prepared adapt(DenseStackKernel.Prepared prepared) {
        return new EmpiricalNtk.Prepared() {
            @Override
            public double[][] gram() {
                return prepared.gram();
            }

            @Override
            public double[][] crossFrom(INDArray statesA, int[] actionsA) {
                return prepared.crossFrom(statesA, actionsA);
            }

            @Override
            public double[] weightedGradient(double[] weights) {
                return prepared.weightedGradient(weights);
            }
        };
    }
}
