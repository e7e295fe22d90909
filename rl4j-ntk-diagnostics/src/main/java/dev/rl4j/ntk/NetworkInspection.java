package dev.rl4j.ntk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BaseRecurrentLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * What the NTK engine can do with a network: rejects layers whose gradients cannot be the acting network's, and
 * decides whether the structured rule applies. Validation happens once, at engine construction.
 */
final class NetworkInspection {

    private final int numActions;
    private final String structuredRejection;

    private NetworkInspection(int numActions, String structuredRejection) {
        this.numActions = numActions;
        this.structuredRejection = structuredRejection;
    }

    int numActions() {
        return numActions;
    }

    /** Null when every layer has a structured rule, otherwise the first reason why not. */
    String structuredRejection() {
        return structuredRejection;
    }

    static NetworkInspection inspect(MultiLayerNetwork net) {
        Objects.requireNonNull(net, "net");
        if (net.params() == null || net.getLayers() == null) {
            throw new IllegalArgumentException("network must be initialised (call net.init()) before computing its NTK");
        }
        int n = net.getnLayers();
        List<String> structuredIssues = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Layer layer = net.getLayer(i).conf().getLayer();
            String name = describe(i, layer);
            if (layer instanceof BaseRecurrentLayer || layer instanceof RnnOutputLayer || layer instanceof RnnLossLayer
                    || layer.getClass().getName().contains(".recurrent.")) {
                throw new IllegalArgumentException(name + " is recurrent; the NTK engine supports feed-forward Q-networks only");
            }
            if (layer instanceof BatchNormalization) {
                throw new IllegalArgumentException(name + " is batch normalisation: its training-mode gradients use batch "
                        + "statistics and differ from the acting network's");
            }
            if (layer instanceof DropoutLayer || layer.getIDropout() != null) {
                throw new IllegalArgumentException(name + " uses dropout (" + (layer.getIDropout() == null ? "DropoutLayer" : layer.getIDropout().getClass().getSimpleName())
                        + "): gradients would differ from the acting network's; remove dropout from the Q-network");
            }
            if (layer instanceof BaseLayer bl && bl.getWeightNoise() != null) {
                throw new IllegalArgumentException(name + " uses weight noise (" + bl.getWeightNoise().getClass().getSimpleName()
                        + "): gradients would differ from the acting network's");
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                structuredIssues.add(name + " has input preprocessor " + pre.getClass().getSimpleName());
            }
            boolean last = i == n - 1;
            if (last) {
                if (!(layer instanceof BaseOutputLayer || layer instanceof LossLayer)) {
                    throw new IllegalArgumentException(name + " must be an output layer (OutputLayer or LossLayer) "
                            + "giving one Q-value per action");
                }
                IActivation act = ((BaseLayer) layer).getActivationFn();
                if (!(act instanceof ActivationIdentity)) {
                    throw new IllegalArgumentException(name + " has output activation " + act
                            + "; Q-values need the identity activation");
                }
            }
            if (layer instanceof DenseLayer dense) {
                if (dense.hasLayerNorm()) {
                    // DL4J 1.0.0-M1.1's layer_norm op fails in double precision, which the exact kernel needs
                    throw new IllegalArgumentException(name + " uses layer normalisation, which the NTK engine does not "
                            + "support (DL4J 1.0.0-M1.1 cannot back-propagate it in double precision)");
                }
            } else if (!(layer.getClass() == OutputLayer.class || (last && layer instanceof LossLayer))) {
                structuredIssues.add(name + " has no structured rule");
            }
        }
        int actions = outputSize(net);
        return new NetworkInspection(actions, structuredIssues.isEmpty() ? null : structuredIssues.get(0));
    }

    static String describe(int index, Layer layer) {
        return "layer " + index + " (" + layer.getClass().getSimpleName()
                + (layer.getLayerName() != null && !layer.getLayerName().equals("layer" + index)
                        ? " '" + layer.getLayerName() + "'" : "") + ")";
    }

    private static int outputSize(MultiLayerNetwork net) {
        for (int i = net.getnLayers() - 1; i >= 0; i--) {
            Layer layer = net.getLayer(i).conf().getLayer();
            if (layer instanceof FeedForwardLayer ff && ff.getNOut() > 0) {
                return Math.toIntExact(ff.getNOut());
            }
        }
        throw new IllegalArgumentException("cannot determine the number of actions: no layer declares nOut");
    }
}
