package dev.rl4j.diagnostics;

import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The effective step size alpha of one probe (eq. 5, docs/math.md#q-update: theta' = theta + alpha E[(T*Q - Q) grad Q]) and
 * where it came from.
 *
 * @param alpha             alpha > 0, or NaN when unknown
 * @param source            where alpha came from
 * @param linearisationCos  for {@link AlphaSource#MEASURED}/{@link AlphaSource#UNKNOWN}: the measured update's
 *                          linearisation check in [-1, 1], else NaN
 * @param damping           for {@link AlphaSource#PRECONDITIONED}: the provider's damping d >= 0, else NaN
 */
record StepSize(double alpha, AlphaSource source, double linearisationCos, double damping) {

    /**
     * Resolves alpha by priority; the first source that answers wins:
     * <ol>
     *   <li>the user's value ({@link NtkDiagnosticsBuilder#stepSize}): {@link AlphaSource#USER};</li>
     *   <li>a {@link StepSizeProvider} (the learner or its update algorithm): {@link AlphaSource#PROVIDER}, or
     *       {@link AlphaSource#PRECONDITIONED} when its damping is not NaN;</li>
     *   <li>plain SGD with MSE, alpha = 2 lr / nOut ({@link #sgdAlpha}): {@link AlphaSource#SGD_LEARNING_RATE};</li>
     *   <li>the most recent measured update, if its alpha is finite and > 0: {@link AlphaSource#MEASURED};</li>
     *   <li>else {@link AlphaSource#UNKNOWN} with alpha NaN (the measured cos, if any, is still reported).</li>
     * </ol>
     * A pure function of its arguments; the last two are asked only when needed (measuring consumes the meter's copy).
     *
     * @param userAlpha  the builder's alpha, or null
     * @param provider   the learner's provider, or null
     * @param sgdAlpha   alpha of plain SGD with MSE, or empty when the network is not such
     * @param measured   the latest measured update, or null when none
     */
    static StepSize resolve(Double userAlpha, StepSizeProvider provider, Supplier<OptionalDouble> sgdAlpha,
            Supplier<UpdateMeter.Result> measured) {
        if (userAlpha != null) {
            return new StepSize(userAlpha, AlphaSource.USER, Double.NaN, Double.NaN);
        }
        if (provider != null) {
            double alpha = provider.stepSize();
            double damping = provider.preconditionerDamping();
            return new StepSize(alpha, Double.isNaN(damping) ? AlphaSource.PROVIDER : AlphaSource.PRECONDITIONED,
                    Double.NaN, damping);
        }
        OptionalDouble sgd = sgdAlpha.get();
        if (sgd.isPresent()) {
            return new StepSize(sgd.getAsDouble(), AlphaSource.SGD_LEARNING_RATE, Double.NaN, Double.NaN);
        }
        UpdateMeter.Result r = measured.get();
        boolean usable = r != null && Double.isFinite(r.alpha()) && r.alpha() > 0;
        return new StepSize(usable ? r.alpha() : Double.NaN, usable ? AlphaSource.MEASURED : AlphaSource.UNKNOWN,
                r == null ? Double.NaN : r.cos(), Double.NaN);
    }

    /**
     * Plain SGD with MSE output: alpha = 2 lr / nOut (see {@link AlphaSource#SGD_LEARNING_RATE}); empty when a layer
     * is not SGD, the layers' rates differ (no single alpha) or the output loss is not MSE.
     */
    static OptionalDouble sgdAlpha(MultiLayerNetwork net) {
        Double lr = null;
        for (int i = 0; i < net.getnLayers(); i++) {
            if (!(net.getLayer(i).conf().getLayer() instanceof BaseLayer layer)) {
                return OptionalDouble.empty();
            }
            IUpdater u = layer.getIUpdater();
            if (!(u instanceof Sgd)) {
                return OptionalDouble.empty();
            }
            double layerLr = u.getLearningRate(net.getIterationCount(), net.getEpochCount());
            if (lr != null && lr != layerLr) {
                return OptionalDouble.empty();
            }
            lr = layerLr;
        }
        if (lr == null || !(net.getOutputLayer().conf().getLayer() instanceof BaseOutputLayer out)
                || !(out.getLossFn() instanceof LossMSE)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(2.0 * lr / net.getLayer(net.getnLayers() - 1).getParam("W").size(1));
    }
}
