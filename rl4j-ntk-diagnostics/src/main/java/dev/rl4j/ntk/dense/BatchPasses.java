package dev.rl4j.ntk.dense;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward pass of a batch on a double copy of the network's current parameters, into one of two
 * reused workspaces (the second holds batch B of a cross kernel). Every {@link #first} call widens the parameters
 * again and starts a new generation, which invalidates what earlier calls returned.
 */
final class BatchPasses {

    private final MultiLayerNetwork net;
    private final ParameterLayout layout;
    private final DoubleParameters theta;
    private final ForwardPass forward;
    private final BackwardPass backward;
    private final Workspace[] workspaces = new Workspace[2];
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
        generation++;
        theta.refresh(net.params()); // one widening copy of all parameters per call
        return run(0, states, actions);
    }

    /** A_l and D_l of a second batch, on the same parameters as the last {@link #first} call, in its own buffers. */
    Workspace second(INDArray states, int[] actions) {
        return run(1, states, actions);
    }

    /** Counts {@link #first} calls: a workspace is current while the count is the one it was returned at. */
    long generation() {
        return generation;
    }

    private Workspace run(int slot, INDArray states, int[] actions) {
        int d = layout.layer(0).in();
        if (states.rank() != 2 || states.size(1) != d) {
            throw new IllegalArgumentException("states must have shape [N, " + d + "], got " + Arrays.toString(states.shape()));
        }
        if (workspaces[slot] == null || workspaces[slot].n != actions.length) {
            workspaces[slot] = new Workspace(layout, actions.length);
        }
        Workspace w = workspaces[slot];
        forward.run(w, states, actions);
        backward.run(w);
        return w;
    }
}
