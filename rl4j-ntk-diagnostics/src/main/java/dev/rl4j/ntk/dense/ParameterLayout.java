package dev.rl4j.ntk.dense;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Where the parameters of a dense stack sit in {@code net.params()}: DL4J's DefaultParamInitializer stores W then b,
 * layer by layer; a trailing {@code LossLayer} has no parameters (and an identity activation) and is skipped. Built
 * only for networks whose every layer has the structured rule (dense or output layers, no preprocessors); the caller
 * compares {@link #numParams()} with the network's count before using it.
 */
public final class ParameterLayout {

    private final LayerLayout[] layers;
    private final long numParams;

    private ParameterLayout(LayerLayout[] layers, long numParams) {
        this.layers = layers;
        this.numParams = numParams;
    }

    /** The layout of a network of dense and output layers (with at most a trailing {@code LossLayer}). */
    public static ParameterLayout of(MultiLayerNetwork net) {
        List<LayerLayout> dense = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer conf = net.getLayer(i).conf().getLayer();
            if (conf instanceof LossLayer) {
                continue;
            }
            FeedForwardLayer ff = (FeedForwardLayer) conf;
            int in = Math.toIntExact(ff.getNIn());
            int out = Math.toIntExact(ff.getNOut());
            boolean bias = ff instanceof DenseLayer d ? d.hasBias() : !(ff instanceof BaseOutputLayer o) || o.hasBias();
            long weightOffset = offset;
            offset += (long) in * out;
            long biasOffset = offset;
            offset += bias ? out : 0;
            var function = ((BaseLayer) ff).getActivationFn();
            dense.add(new LayerLayout(in, out, bias, weightOffset, biasOffset, function, ElementwiseActivation.of(function)));
        }
        return new ParameterLayout(dense.toArray(LayerLayout[]::new), offset);
    }

    /** Number of parameters this layout accounts for (W and b of each dense layer). */
    public long numParams() {
        return numParams;
    }

    int depth() {
        return layers.length;
    }

    LayerLayout layer(int l) {
        return layers[l];
    }

    /**
     * True for the output layer when its activation is the identity: then D_L is the one-hot of the actions,
     * D_L D_L^T = [a_i == a_j], and D_L is never materialised.
     */
    boolean oneHotSignal(int l) {
        return l == layers.length - 1 && layers[l].activation() == ElementwiseActivation.IDENTITY;
    }

    /** The widest d_in or d_out of any layer. */
    int maxWidth() {
        int width = 0;
        for (LayerLayout layer : layers) {
            width = Math.max(width, Math.max(layer.in(), layer.out()));
        }
        return width;
    }
}
