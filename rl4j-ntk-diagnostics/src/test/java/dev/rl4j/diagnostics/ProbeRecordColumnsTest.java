package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the stable output columns (CSV header, JSON Lines keys) and the value each column takes from a record. */
class ProbeRecordColumnsTest {

    static final List<String> DOCUMENTED = List.of("probe/update", "probe/step", "probe/episode", "probe/pairs",
            "probe/millis", "alpha/source", "alpha/value", "alpha/linearisation_cos", "ntk/gamma", "ntk/beta",
            "ntk/row_ratio_max", "ntk/row_ratio_median", "ntk/row_ratio_mean", "ntk/row_ratio_bound", "ntk/fraction16",
            "ntk/fraction17", "ntk/max_step_ratio", "ntk/diag_mean", "ntk/eig_min", "ntk/eig_max", "ntk/cond",
            "ntk/seem", "ntk/seem_normalized", "q/max_abs", "q/r_max", "q/soft_bound", "features/srank",
            "features/dim", "features/dormant_fraction", "features/coadaptation", "health/nonfinite_params",
            "health/nonfinite_q", "findings/active", "findings/candidates");

    @Test
    void columnNamesAreTheDocumentedOnesInOrder() {
        assertThat(ProbeRecord.COLUMNS).containsExactlyElementsOf(DOCUMENTED);
    }

    @Test
    void oneRowHasEveryValueUnderItsColumn() {
        Map<String, Object> row = SinksTest.record(1, 1.05).columns();

        assertThat(row.keySet()).containsExactlyElementsOf(DOCUMENTED);
        assertThat(row.values()).containsExactly(100L, 120L, 1L, 32, 1.5, "MEASURED", 1e-3, 0.97, 0.99, 1.05, 0.6,
                0.4, 0.45, (1 - 0.99) / (1 + 0.99), 1.0, 0.0, 0.01, 2.0, 1e-6, 50.0, 5e7, 0.2, 0.001, 3.0, 0.1, 10.0, 12.0, 64, 0.1,
                4.2, false, false, "OVER_GENERALIZATION", "OVER_GENERALIZATION");
    }

    @Test
    void aProbeWithoutKernelMetricsHasNaNInEveryKernelColumnButTheBound() {
        Map<String, Object> row = SinksTest.record(0, Double.NaN).columns();

        assertThat(row.get("ntk/beta")).isEqualTo(Double.NaN);
        assertThat(row.get("ntk/gamma")).isEqualTo(0.99);
        assertThat(row.get("findings/active")).isEqualTo("");
    }
}
