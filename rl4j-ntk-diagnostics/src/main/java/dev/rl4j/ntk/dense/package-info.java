/**
 * Internals of the structured kernel path for dense stacks (docs/math.md#dense-kernel):
 *
 * <pre>  K = sum_l (A_l A_l^T + 1) ⊙ (D_l D_l^T)</pre>
 *
 * where A_l (N x d_in) is the input of dense layer l and D_l (N x d_out) = dQ(s_i, a_i)/dz_l.
 * {@link dev.rl4j.ntk.dense.DenseStackKernel} forms the products; {@link dev.rl4j.ntk.dense.ParameterLayout} says where
 * each layer's W and b sit in the network's parameters; the rest is package-private: a double copy of the parameters,
 * the off-heap workspace of one batch, the forward pass, the batched backward pass and the activations evaluated on
 * those buffers. Not an API: {@link dev.rl4j.ntk.EmpiricalNtk} is the public entry point.
 */
package dev.rl4j.ntk.dense;
