package dev.rl4j.ntk.dense;

import org.nd4j.linalg.activations.IActivation;

/**
 * One dense layer of the stack: z = A W + b with W of shape {@code in x out}, stored in the network's parameters at
 * {@code weightOffset} in DL4J's 'f' order (col-major in x out, i.e. row-major W^T), followed by b at
 * {@code biasOffset} when the layer has one; {@code function} is the layer's own activation and {@code activation}
 * says how it is evaluated on the workspace buffers.
 */
record LayerLayout(int in, int out, boolean bias, long weightOffset, long biasOffset, IActivation function,
        ElementwiseActivation activation) {

    /** The "+1" of (A_l A_l^T + 1): the bias gradient's contribution, 0 for a layer without bias. */
    double biasTerm() {
        return bias ? 1.0 : 0.0;
    }
}
