package dev.rl4j.diagnostics.rl4j;

import org.deeplearning4j.rl4j.observation.Observation;
import org.nd4j.linalg.api.buffer.DataType;

/** Copies an RL4J observation out as a flat double vector (the listener never keeps RL4J's arrays). */
final class ObservationCopy {

    private ObservationCopy() {
    }

    static double[] of(Observation o) {
        return o.getData().castTo(DataType.DOUBLE).ravel().toDoubleVector();
    }
}
