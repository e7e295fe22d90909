package dev.rl4j.ntk.dense;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductBuffersTest {

    @Test
    void buffersAreReusedWhileTheShapeStaysTheSame() {
        ProductBuffers buffers = new ProductBuffers();
        buffers.ensure(3, 5);
        Object inputs = buffers.inputs;
        Object signals = buffers.signals;
        double[] inputsHeap = buffers.inputsHeap;
        buffers.ensure(3, 5);
        assertThat(buffers.inputs).isSameAs(inputs);
        assertThat(buffers.signals).isSameAs(signals);
        assertThat(buffers.inputsHeap).isSameAs(inputsHeap);
        buffers.ensure(5, 3);
        assertThat(buffers.inputs).isNotSameAs(inputs);
        assertThat(buffers.inputs.shape()).containsExactly(5, 3);
        assertThat(buffers.signalsHeap).hasSize(15);
    }
}
