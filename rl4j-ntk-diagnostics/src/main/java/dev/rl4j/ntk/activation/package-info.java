/**
 * Custom DL4J activation functions used by the NTK experiments.
 *
 * <p>Every type here extends {@link org.nd4j.linalg.activations.BaseActivationFunction}, so it can be passed to
 * {@code BaseLayer.Builder#activation(IActivation)} and survives DL4J's JSON configuration format and
 * {@code ModelSerializer}: the configuration stores the fully qualified class name ({@code "@class"}) and the
 * fields, so this package must be on the classpath wherever a saved model is restored.
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.ntk.activation;
