package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuilderValidationTest {

    @Test
    void aZeroPeriodIsRejectedNamingFieldRangeAndValue() {
        assertThatThrownBy(() -> NtkDiagnostics.builder().period(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period must be in [1, 2147483647], got 0");
    }

    @Test
    void aReservoirSmallerThanTheProbeIsRejected() {
        assertThatThrownBy(() -> NtkDiagnostics.builder().probeSize(64).reservoirCapacity(10).build())
                .hasMessage("reservoirCapacity must be in [64, 2147483647], got 10");
    }

    @Test
    void gammaOfOneIsRejected() {
        assertThatThrownBy(() -> NtkDiagnostics.builder().gamma(1.0).build())
                .hasMessage("gamma must be in [0, 1), got 1.0");
    }

    @Test
    void aNanStepSizeIsRejected() {
        assertThatThrownBy(() -> NtkDiagnostics.builder().stepSize(Double.NaN).build())
                .hasMessage("stepSize must be finite and > 0, got NaN");
    }

    @Test
    void findingRulesRejectAFractionAboveOne() {
        assertThatThrownBy(() -> new FindingRules(1.5, 0, 0, 1, 0))
                .hasMessage("minFraction17 must be in [0.0, 1.0], got 1.5");
    }
}
