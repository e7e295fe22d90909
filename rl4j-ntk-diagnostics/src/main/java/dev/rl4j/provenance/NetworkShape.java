package dev.rl4j.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The shape of a network as a provenance setting: {@code {"layers": ["DenseLayer 4->100 relu", ...],
 * "parameters": 21002}}, read from the network's public configuration.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class NetworkShape {

    private NetworkShape() {
    }

    /** The shape of {@code net}, or null for a null network. */
    public static Map<String, Object> of(MultiLayerNetwork net) {
        if (net == null) {
            return null;
        }
        List<String> layers = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = net.getLayer(i).conf().getLayer();
            StringBuilder s = new StringBuilder(conf.getClass().getSimpleName());
            if (conf instanceof FeedForwardLayer f) {
                s.append(' ').append(f.getNIn()).append("->").append(f.getNOut());
            }
            if (conf instanceof BaseLayer b && b.getActivationFn() != null) {
                s.append(' ').append(b.getActivationFn().toString().toLowerCase(java.util.Locale.ROOT));
            }
            layers.add(s.toString());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers);
        m.put("parameters", net.numParams());
        return m;
    }
}
