package dev.rl4j.lab.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningMetricsTest {

    private static final long H = Outcome.HEALTHY;
    private static final long NONE = FirstWarnings.NONE;

    private static WarningMetrics.Labelled run(long divergedAt, long firstWarning) {
        return new WarningMetrics.Labelled(divergedAt, firstWarning);
    }

    @Test
    void recallCountsOnlyWarningsAtUpdatesBeforeTheDivergence() {
        WarningMetrics m = WarningMetrics.of(List.of(
                run(100, 40),    // recalled, lead 60
                run(100, 100),   // same update: not before
                run(100, 150),   // after
                run(100, NONE),  // never warned
                run(300, 200))); // recalled, lead 100
        assertThat(m.runsDiverged()).isEqualTo(5);
        assertThat(m.recalled()).isEqualTo(2);
        assertThat(m.recall()).isEqualTo(0.4);
        assertThat(m.medianLead()).isEqualTo(80.0); // mean of 60 and 100
        assertThat(m.falseAlarmRate()).isNull();
        assertThat(m.undefined()).containsExactly("false_alarm_rate: no run was healthy");
    }

    @Test
    void falseAlarmsAreHealthyRunsWithAnyWarning() {
        WarningMetrics m = WarningMetrics.of(List.of(run(H, 10), run(H, NONE), run(H, NONE), run(H, 1999)));
        assertThat(m.runsHealthy()).isEqualTo(4);
        assertThat(m.falseAlarms()).isEqualTo(2);
        assertThat(m.falseAlarmRate()).isEqualTo(0.5);
        assertThat(m.recall()).isNull();
        assertThat(m.medianLead()).isNull();
        assertThat(m.undefined()).containsExactly("recall: no run diverged",
                "median_lead_updates: no diverged run was warned before its divergence");
    }

    @Test
    void medianOfAnOddCountIsTheMiddleLead() {
        WarningMetrics m = WarningMetrics.of(List.of(run(50, 45), run(500, 0), run(100, 70), run(H, NONE)));
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.medianLead()).isEqualTo(30.0); // leads 5, 500, 30
        assertThat(m.falseAlarmRate()).isEqualTo(0.0);
        assertThat(m.undefined()).isEmpty();
    }

    @Test
    void noRunsLeaveEveryValueUndefined() {
        WarningMetrics m = WarningMetrics.of(List.of());
        assertThat(m.recall()).isNull();
        assertThat(m.falseAlarmRate()).isNull();
        assertThat(m.medianLead()).isNull();
        assertThat(m.undefined()).hasSize(3);
        assertThat(m.toJson()).containsKeys("recall", "false_alarm_rate", "median_lead_updates", "undefined");
    }
}
