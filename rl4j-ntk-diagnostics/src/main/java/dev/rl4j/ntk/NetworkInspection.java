package dev.rl4j.ntk;

import dev.rl4j.ntk.dense.ParameterLayout;
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
 *
 * @param numActions     number of outputs of the Q-network
 * @param structuredRule the dense layout the structured kernel runs on, or why it cannot
 */
record NetworkInspection(int numActions, StructuredRule structuredRule) {

    /** Whether every layer has a structured rule (docs/math.md#dense-kernel). */
    sealed interface StructuredRule {

        /** The layout to run the structured kernel on; throws, naming the reason, when the rule does not apply. */
        ParameterLayout layoutOrThrow();
    }

    /** Every layer has a structured rule; {@code layout} locates each dense layer's W and b. */
    record Applies(ParameterLayout layout) implements StructuredRule {
        @Override
        public ParameterLayout layoutOrThrow() {
            return layout;
        }
    }

    /** The structured rule does not apply, for the first {@code reason} found. */
    record Rejected(String reason) implements StructuredRule {
        @Override
        public ParameterLayout layoutOrThrow() {
            throw new IllegalArgumentException("method STRUCTURED is not available for this network: " + reason
                    + "; use PER_SAMPLE or of(net)");
        }
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
        if (!structuredIssues.isEmpty()) {
            return new NetworkInspection(actions, new Rejected(structuredIssues.get(0)));
        }
        ParameterLayout layout = ParameterLayout.of(net);
        if (layout.numParams() != net.numParams()) {
            return new NetworkInspection(actions, new Rejected("structured NTK expects " + layout.numParams()
                    + " parameters (W and b of each dense layer) but the network has " + net.numParams()));
        }
        return new NetworkInspection(actions, new Applies(layout));
    }

    private static String describe(int index, Layer layer) {
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
