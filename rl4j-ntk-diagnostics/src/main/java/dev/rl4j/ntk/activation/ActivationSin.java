package dev.rl4j.ntk.activation;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Sine activation with a frequency: {@code f(z) = sin(w0 * z)}, {@code f'(z) = w0 * cos(w0 * z)}, element-wise.
 *
 * <p>Why: Achiam, Knight and Abbeel (2019, "Towards Characterizing Divergence in Deep Q-Learning") compare the
 * empirical NTK of Q-networks with different activations and find that sin networks have the lowest row ratio
 * {@code R_i(K)} (off-diagonal mass relative to the diagonal), i.e. the least generalisation between state-action
 * pairs and the best chance of meeting the contraction condition (eq. 17). This class lets DL4J
 * networks use that activation, e.g. {@code new DenseLayer.Builder().activation(new ActivationSin(1.0))}.
 *
 * <p>DL4J conventions, as in the built-in activations: {@link #getActivation} and {@link #backprop} work in place
 * on {@code in} (and return it), keep the input's data type (float or double), and the activation has no
 * trainable parameters (the second element of the backprop pair is {@code null}). Instances are immutable and
 * may be shared between layers and network clones.
 *
 * <p>Serialization: DL4J stores an activation as {@code {"@class": "dev.rl4j.ntk.activation.ActivationSin",
 * "w0": 1.0}} (ND4J's shaded Jackson, field access); the creator validates {@code w0} and defaults a missing
 * {@code w0} to {@value #DEFAULT_W0}.
 *
 * <p>Stability: experimental.
 *
 * @since 0.1
 */
public final class ActivationSin extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    /** Default frequency: plain {@code sin(z)}. */
    public static final double DEFAULT_W0 = 1.0;

    /** Frequency, finite and &gt; 0. Serialized by DL4J's (field-based) Jackson mapper under this name. */
    private final double w0;

    /** {@code sin(z)}, i.e. {@code w0 = 1}. */
    public ActivationSin() {
        this(DEFAULT_W0);
    }

    /**
     * {@code sin(w0 * z)}.
     *
     * @param w0 frequency, finite and &gt; 0
     * @throws IllegalArgumentException if {@code w0} is NaN, infinite or &lt;= 0
     */
    public ActivationSin(double w0) {
        if (!Double.isFinite(w0) || w0 <= 0.0) {
            throw new IllegalArgumentException("w0 must be finite and > 0, got " + w0);
        }
        this.w0 = w0;
    }

    /** Jackson creator used by DL4J's configuration mapper; a missing {@code w0} means the default. */
    @JsonCreator
    private static ActivationSin fromJson(@JsonProperty("w0") Double w0) {
        return new ActivationSin(w0 == null ? DEFAULT_W0 : w0);
    }

    /** Java deserialization bypasses the constructor: re-validate. */
    private Object readResolve() {
        return new ActivationSin(w0);
    }

    /** The frequency {@code w0}. */
    public double getW0() {
        return w0;
    }

    /** {@code sin(w0 * in)}, computed in place in {@code in}, which is returned. */
    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        if (w0 != 1.0) {
            in.muli(w0);
        }
        return Transforms.sin(in, false);
    }

    /**
     * dL/dz = epsilon * w0 * cos(w0 * in), computed in place in {@code in}; no parameter gradient.
     *
     * @param in      pre-activation z (overwritten)
     * @param epsilon dL/da, same shape as {@code in}
     * @return (dL/dz, null)
     */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        INDArray eps = epsilon.dataType() == in.dataType() ? epsilon : epsilon.castTo(in.dataType());
        if (w0 != 1.0) {
            in.muli(w0);
        }
        Transforms.cos(in, false);
        in.muli(eps);
        if (w0 != 1.0) {
            in.muli(w0);
        }
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ActivationSin other && Double.compare(w0, other.w0) == 0);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(w0);
    }

    @Override
    public String toString() {
        return "sin(w0=" + w0 + ")";
    }
}
