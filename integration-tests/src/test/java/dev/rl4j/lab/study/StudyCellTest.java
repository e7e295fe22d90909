package dev.rl4j.lab.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rl4j.ntk.StabilityMetrics;
import org.junit.jupiter.api.Test;

class StudyCellTest {

    @Test
    void directStatisticsEqualStabilityMetricsOnAWellConditionedKernel() {
        double[][] k = {{4, 1, -0.5}, {1, 3, 0.2}, {-0.5, 0.2, 2}};
        StabilityMetrics m = StabilityMetrics.of(k, 0.99, 1.0);
        double[] d = StudyCell.directStats(k);
        assertThat(d[0]).isCloseTo(m.diagMean(), within(1e-15));
        assertThat(d[1]).isCloseTo(m.rowRatioMean(), within(1e-15));
        assertThat(d[2]).isCloseTo(m.rowRatioMedian(), within(1e-15));
        assertThat(d[3]).isCloseTo(m.rowRatioMax(), within(1e-15));
    }
}
