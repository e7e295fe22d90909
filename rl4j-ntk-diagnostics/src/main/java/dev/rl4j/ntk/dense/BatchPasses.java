package dev.rl4j.ntk.dense;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward pass of a batch on a double copy of the network's current parameters, into one of three
 * reused workspaces: {@link Slot#PRIMARY} for batch X, {@link Slot#SECONDARY} for batch A of a cross kernel K(A, X),
 * {@link Slot#NEXT_STATES} for the next states of a transition batch. Every {@link #first} or {@link #forwardOnly}
 * call on the primary slot widens the parameters again and starts a new generation, which invalidates what earlier
 * calls returned.
 */
final class BatchPasses {

    /** Which reused workspace a batch goes to. */
    enum Slot {
        /** batch X of K(X, X) and of a prepared batch; its pass re-reads the parameters */
        PRIMARY,
        /** batch A of K(A, X), on the parameters of the last primary pass */
        SECONDARY,
        /** the next states s'_i of a transition batch, on the parameters of the last primary pass */
        NEXT_STATES
    }

    private final MultiLayerNetwork net;
    private final ParameterLayout layout;
    private final DoubleParameters theta;
    private final ForwardPass forward;
    private final BackwardPass backward;
    private final Workspace[] workspaces = new Workspace[Slot.values().length];
    private long generation;

    BatchPasses(MultiLayerNetwork net, ParameterLayout layout) {
        this.net = net;
        this.layout = layout;
        theta = new DoubleParameters(layout);
        forward = new ForwardPass(layout, theta);
        backward = new BackwardPass(layout, theta);
    }

    /** A_l and D_l of every layer for a batch, from the network's parameters as they are now. */
    Workspace first(INDArray states, int[] actions) {
        Workspace w = forwardOnly(Slot.PRIMARY, states);
        backward(w, actions);
        return w;
    }

    /** A_l and D_l of a second batch, on the same parameters as the last {@link #first} call, in its own buffers. */
    Workspace second(INDArray states, int[] actions) {
        Workspace w = forwardOnly(Slot.SECONDARY, states);
        backward(w, actions);
        return w;
    }

    /**
     * The forward pass only (A_l, z_l and Q) of a batch into {@code slot}; the primary slot first re-reads the
     * network's parameters and starts a new generation. {@link #backward} completes it.
     */
    Workspace forwardOnly(Slot slot, INDArray states) {
        if (slot == Slot.PRIMARY) {
            generation++;
            theta.refresh(net.params()); // one widening copy of all parameters per generation
        }
        int d = layout.layer(0).in();
        if (states.rank() != 2 || states.size(1) != d) {
            throw new IllegalArgumentException("states must have shape [N, " + d + "], got " + Arrays.toString(states.shape()));
        }
        int n = Math.toIntExact(states.size(0));
        int s = slot.ordinal();
        if (workspaces[s] == null || workspaces[s].n != n) {
            workspaces[s] = new Workspace(layout, n);
        }
        Workspace w = workspaces[s];
        forward.run(w, states);
        return w;
    }

    /** D_l of every layer for the pairs (row i, actions[i]) of a workspace whose forward pass has just run. */
    void backward(Workspace w, int[] actions) {
        if (actions.length != w.n) {
            throw new IllegalArgumentException("actions must have one entry per row: " + w.n + " rows, "
                    + actions.length + " actions");
        }
        w.actions = actions;
        backward.run(w);
    }

    /** Counts the primary passes: a workspace is current while the count is the one it was returned at. */
    long generation() {
        return generation;
    }
}
