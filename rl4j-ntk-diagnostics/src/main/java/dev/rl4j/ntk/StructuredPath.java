package dev.rl4j.ntk;

import dev.rl4j.ntk.dense.DenseStackKernel;
import dev.rl4j.ntk.dense.ParameterLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
        DenseStackKernel.Prepared prepared = kernel.prepare(states, actions);
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
