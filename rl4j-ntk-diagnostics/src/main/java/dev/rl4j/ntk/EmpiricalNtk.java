package dev.rl4j.ntk;

import dev.rl4j.ntk.dense.ParameterLayout;
import java.util.Objects;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Empirical neural tangent kernel of a DL4J Q-network with one output per action (Achiam et al. 2019, eq. 9):
 *
 * <pre>
 *   k((s_i, a_i), (s_j, a_j)) = grad_theta Q(s_i, a_i) . grad_theta Q(s_j, a_j)
 * </pre>
 *
 * over every trainable parameter (weights and biases). Indices are (state, action) pairs: row i of a batch is
 * {@code states.getRow(i)} paired with {@code actions[i]}. All kernel arithmetic is in double, whatever the
 * network's data type: a FLOAT network's parameters are widened, never the reverse.
 *
 * <pre>{@code
 * EmpiricalNtk ntk = EmpiricalNtk.of(net);          // method chosen automatically, see method()
 * double[][] k = ntk.gram(states, actions);          // N x N
 * double[][] kx = ntk.cross(sA, aA, sB, aB);         // N_A x N_B
 * double[] g = ntk.weightedGradient(states, actions, w); // length P, in the order of net.params()
 * }</pre>
 *
 * <p>Calls leave the network exactly as they found it: parameters, updater state, iteration and epoch counts,
 * score, listeners, input and labels. The network is read, never written; the per-sample path works on a private
 * double-precision copy. Instances are not thread-safe (they reuse buffers); use one per thread.
 *
 * <p>Rejected with {@link IllegalArgumentException} naming the layer and the reason: recurrent layers, dropout,
 * weight noise, batch normalisation and layer normalisation (their training-mode gradients differ from the acting network), an output
 * layer whose activation is not identity, and at call time empty or mismatched batches and out-of-range actions.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class EmpiricalNtk {

    private final MultiLayerNetwork net;
    private final NtkMethod method;
    private final int numActions;
    private final KernelPath path;

    private EmpiricalNtk(MultiLayerNetwork net, NtkMethod method, int numActions, KernelPath path) {
        this.net = net;
        this.method = method;
        this.numActions = numActions;
        this.path = path;
    }

    /**
     * Kernel engine with the method chosen automatically: {@link NtkMethod#STRUCTURED} when every layer has a
     * structured rule, {@link NtkMethod#PER_SAMPLE} otherwise. Read {@link #method()} to see which.
     *
     * @param net an initialised Q-network with one identity output per action
     * @throws IllegalArgumentException if the network contains a layer the NTK cannot be computed for
     */
    public static EmpiricalNtk of(MultiLayerNetwork net) {
        NetworkInspection inspection = NetworkInspection.inspect(net);
        return inspection.structuredRule() instanceof NetworkInspection.Applies applies
                ? structured(net, inspection, applies.layout())
                : perSample(net, inspection);
    }

    /**
     * Kernel engine with a forced method (tests, benchmarks, or to avoid the structured path).
     *
     * @throws IllegalArgumentException if {@code method} is STRUCTURED and a layer has no structured rule
     */
    public static EmpiricalNtk of(MultiLayerNetwork net, NtkMethod method) {
        Objects.requireNonNull(method, "method");
        NetworkInspection inspection = NetworkInspection.inspect(net);
        return method == NtkMethod.STRUCTURED
                ? structured(net, inspection, inspection.structuredRule().layoutOrThrow())
                : perSample(net, inspection);
    }

    private static EmpiricalNtk structured(MultiLayerNetwork net, NetworkInspection inspection, ParameterLayout layout) {
        return new EmpiricalNtk(net, NtkMethod.STRUCTURED, inspection.numActions(), new StructuredPath(net, layout));
    }

    private static EmpiricalNtk perSample(MultiLayerNetwork net, NetworkInspection inspection) {
        return new EmpiricalNtk(net, NtkMethod.PER_SAMPLE, inspection.numActions(), new PerSampleKernel(net, inspection));
    }

    /** The path this engine uses; never null. */
    public NtkMethod method() {
        return method;
    }

    /** Number of actions (outputs of the Q-network). */
    public int numActions() {
        return numActions;
    }

    /** Number of trainable parameters P, the length of {@link #weightedGradient}. */
    public long numParams() {
        return net.numParams();
    }

    /**
     * Gram matrix K(X, X) of a batch, eq. 9.
     *
     * @param states  N x (input shape), any floating dtype
     * @param actions N action indices in [0, numActions)
     * @return a new N x N symmetric positive semi-definite matrix in double
     */
    public double[][] gram(INDArray states, int[] actions) {
        checkBatch("states", states, "actions", actions);
        return path.gram(states, actions);
    }

    /**
     * Rectangular kernel K(A, B), K_ij = grad Q(sA_i, aA_i) . grad Q(sB_j, aB_j); SEEM uses K(X*, X).
     *
     * @return a new N_A x N_B matrix in double
     */
    public double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB) {
        checkBatch("statesA", statesA, "actionsA", actionsA);
        checkBatch("statesB", statesB, "actionsB", actionsB);
        return path.cross(statesA, actionsA, statesB, actionsB);
    }

    /**
     * sum_i w_i grad_theta Q(s_i, a_i), flattened in the order of {@code net.params()}, from ONE batched backward
     * pass (PreQN's step, docs/math.md#preqn).
     *
     * @param weights N finite weights
     * @return a new array of length {@link #numParams()}
     */
    public double[] weightedGradient(INDArray states, int[] actions, double[] weights) {
        checkBatch("states", states, "actions", actions);
        checkWeights(weights, actions.length);
        return path.weightedGradient(states, actions, weights);
    }

    /**
     * K(X, X), cross kernels K(A, X) and weighted gradients of ONE batch from one forward and backward pass (PreQN
     * needs the kernel to solve for Z, then sum_i Z_i grad Q(s_i, a_i); the diagnostics' probe K and K(X*, X)). The result reads the network's parameters as they are now and is
     * valid until the next call on this engine; a stale use throws {@link IllegalStateException}. Do not change the
     * parameters in between.
     */
    public Prepared prepare(INDArray states, int[] actions) {
        checkBatch("states", states, "actions", actions);
        Prepared inner = path.prepare(states, actions);
        int n = actions.length;
        return new Prepared() {
            @Override
            public double[][] gram() {
                return inner.gram();
            }

            @Override
            public double[][] crossFrom(INDArray statesA, int[] actionsA) {
                checkBatch("statesA", statesA, "actionsA", actionsA);
                return inner.crossFrom(statesA, actionsA);
            }

            @Override
            public double[] weightedGradient(double[] weights) {
                checkWeights(weights, n);
                return inner.weightedGradient(weights);
            }
        };
    }

    /**
     * The forward passes of a transition batch, states s_i (batch X) and next states s'_i, on the parameters as they
     * are now, in double: Q(s, .), Q(s', .) and every hidden layer's output, from the same passes the kernel then
     * completes with its backward halves ({@link TransitionPasses#prepare} for K(X, X), then
     * {@link TransitionPasses#crossNext} for K(X*, X)), so a caller that needs Q and the features as well as the
     * kernel runs each input's forward pass once, and can pick X*'s actions from Q(s', .) and check finiteness before
     * any kernel work (the diagnostics' probe). Q is computed in double from the network's (possibly float)
     * parameters widened to double, so it equals the network's own float forward pass up to float round-off.
     * The result is valid until the next call on this engine; a stale use throws {@link IllegalStateException}.
     *
     * @param states     s_i, N x (input shape), any floating dtype
     * @param nextStates s'_i, N rows like {@code states}
     * @return the passes, or empty when this engine has no such passes: the {@link NtkMethod#PER_SAMPLE} path, or a
     *     dense stack that ends in a {@code LossLayer} (whose hidden layers are not the network's layers one for one)
     */
    public Optional<TransitionPasses> forwardTransitions(INDArray states, INDArray nextStates) {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(nextStates, "nextStates");
        if (states.rank() == 0 || states.size(0) == 0) {
            throw new IllegalArgumentException("empty batch: states has shape " + java.util.Arrays.toString(states.shape()));
        }
        if (nextStates.rank() == 0 || nextStates.size(0) != states.size(0)) {
            throw new IllegalArgumentException("nextStates must have one row per state: " + states.size(0)
                    + " states, nextStates has shape " + java.util.Arrays.toString(nextStates.shape()));
        }
        if (!states.dataType().isFPType() || !nextStates.dataType().isFPType()) {
            throw new IllegalArgumentException("states and nextStates must be floating-point arrays, got "
                    + states.dataType() + " and " + nextStates.dataType());
        }
        int n = Math.toIntExact(states.size(0));
        return path.forwardTransitions(states, nextStates).map(inner -> new TransitionPasses() {
            @Override
            public double[][] q() {
                return inner.q();
            }

            @Override
            public double[][] qNext() {
                return inner.qNext();
            }

            @Override
            public int hiddenLayers() {
                return inner.hiddenLayers();
            }

            @Override
            public double[][] hidden(int h) {
                return inner.hidden(h);
            }

            @Override
            public double[][] hiddenNext(int h) {
                return inner.hiddenNext(h);
            }

            @Override
            public Prepared prepare(int[] actions) {
                checkActions("actions", actions, n);
                Prepared x = inner.prepare(actions);
                return new Prepared() {
                    @Override
                    public double[][] gram() {
                        return x.gram();
                    }

                    @Override
                    public double[][] crossFrom(INDArray statesA, int[] actionsA) {
                        checkBatch("statesA", statesA, "actionsA", actionsA);
                        return x.crossFrom(statesA, actionsA);
                    }

                    @Override
                    public double[] weightedGradient(double[] weights) {
                        checkWeights(weights, n);
                        return x.weightedGradient(weights);
                    }
                };
            }

            @Override
            public double[][] crossNext(int[] nextActions) {
                checkActions("nextActions", nextActions, n);
                return inner.crossNext(nextActions);
            }
        });
    }

    /**
     * A transition batch after {@link #forwardTransitions}: Q and the hidden layers' outputs of its states and next
     * states, then the kernel's backward halves. Every matrix returned is new; indices are the batch's rows.
     *
     * <p>Stability: experimental. @since 0.2
     */
    public interface TransitionPasses {
        /** Q(s_i, .), N x numActions, in double. */
        double[][] q();

        /** Q(s'_i, .), N x numActions, in double. */
        double[][] qNext();

        /** Number of hidden layers: the network's layers below the output layer (0 for a linear Q). */
        int hiddenLayers();

        /** The output of hidden layer h (the network's layer h), h in [0, hiddenLayers()), for s_i: N x width. */
        double[][] hidden(int h);

        /** The output of hidden layer h for s'_i: N x width. */
        double[][] hiddenNext(int h);

        /**
         * X = (s_i, actions_i) prepared as by {@link EmpiricalNtk#prepare}, reusing the forward pass of s_i: only the
         * backward pass runs. Once per transition batch.
         */
        Prepared prepare(int[] actions);

        /**
         * K(X*, X) with X* = (s'_i, nextActions_i) on every row, reusing the forward pass of s'_i and the prepared
         * X; what {@code prepare(actions).crossFrom(nextStates, nextActions)} gives, up to BLAS round-off. Once, after
         * {@link #prepare}. {@link NextStateKernel} applies the X* rule (greedy actions, terminal rows zero).
         */
        double[][] crossNext(int[] nextActions);
    }

    /**
     * One batch prepared by {@link #prepare}: its Gram matrix and weighted gradients without another pass.
     *
     * <p>Stability: experimental. @since 0.1
     */
    public interface Prepared {
        /** K(X, X) of the prepared batch, a new N x N matrix. */
        double[][] gram();

        /**
         * K(A, X) between a second batch A (rows) and the prepared batch X (columns), a new N_A x N matrix, without
         * another pass over X: what {@link EmpiricalNtk#cross} gives for (A, X), up to BLAS round-off.
         */
        double[][] crossFrom(INDArray statesA, int[] actionsA);

        /** sum_i w_i grad Q(s_i, a_i) of the prepared batch, in the order of {@code params()}. */
        double[] weightedGradient(double[] weights);
    }

    private static void checkWeights(double[] weights, int pairs) {
        Objects.requireNonNull(weights, "weights");
        if (weights.length != pairs) {
            throw new IllegalArgumentException("weights must have one entry per pair: expected " + pairs + ", got "
                    + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite, got " + weights[i]);
            }
        }
    }

    private void checkActions(String name, int[] actions, int pairs) {
        Objects.requireNonNull(actions, name);
        if (actions.length != pairs) {
            throw new IllegalArgumentException(name + " must have one entry per pair: expected " + pairs + ", got "
                    + actions.length);
        }
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] < 0 || actions[i] >= numActions) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + actions[i]
                        + " is out of range [0, " + numActions + ")");
            }
        }
    }

    private void checkBatch(String sName, INDArray states, String aName, int[] actions) {
        Objects.requireNonNull(states, sName);
        Objects.requireNonNull(actions, aName);
        if (actions.length == 0 || states.rank() == 0 || states.size(0) == 0) {
            throw new IllegalArgumentException("empty batch: " + sName + " has shape "
                    + java.util.Arrays.toString(states.shape()) + ", " + aName + " has length " + actions.length);
        }
        if (states.size(0) != actions.length) {
            throw new IllegalArgumentException("mismatched batch sizes: " + sName + " has " + states.size(0)
                    + " rows but " + aName + " has " + actions.length + " entries");
        }
        if (!states.dataType().isFPType()) {
            throw new IllegalArgumentException(sName + " must be a floating-point array, got " + states.dataType());
        }
        for (int i = 0; i < actions.length; i++) {
            if (actions[i] < 0 || actions[i] >= numActions) {
                throw new IllegalArgumentException(aName + "[" + i + "] = " + actions[i]
                        + " is out of range [0, " + numActions + ")");
            }
        }
    }

    /** One way of computing gradients of Q; implementations are package-private. */
    interface KernelPath {
        double[][] gram(INDArray states, int[] actions);

        double[][] cross(INDArray statesA, int[] actionsA, INDArray statesB, int[] actionsB);

        double[] weightedGradient(INDArray states, int[] actions, double[] weights);

        Prepared prepare(INDArray states, int[] actions);

        /** The forward passes of a transition batch, or empty when the path has none (the default). */
        default Optional<TransitionPasses> forwardTransitions(INDArray states, INDArray nextStates) {
            return Optional.empty();
        }
    }
}
