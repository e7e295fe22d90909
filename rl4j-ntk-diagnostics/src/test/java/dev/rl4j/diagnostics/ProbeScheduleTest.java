package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProbeScheduleTest {

    private static final ProbeSignal QUIET = new ProbeSignal(Set.of(), 1.0, 0.9);

    /** The update counts at which a timer probes when asked after every update and every probe is quiet. */
    private static List<Long> quietProbes(ProbeSchedule schedule, long updates) {
        ProbeTimer timer = new ProbeTimer(schedule);
        List<Long> at = new ArrayList<>();
        for (long u = 0; u <= updates; u++) {
            if (timer.isDue(u)) {
                at.add(u);
                timer.probed(u, QUIET);
            }
        }
        return at;
    }

    @Test
    void theDefaultProbesAfterTheFirstUpdateThenBacksOffToTheCap() {
        List<Long> at = quietProbes(ProbeSchedule.adaptive(), 20_000);

        assertThat(at).startsWith(1L, 11L, 31L, 71L, 151L, 311L, 631L, 1271L, 2551L, 4551L);
        assertThat(at.stream().filter(u -> u <= 2_000)).hasSize(8);
        assertThat(at).hasSize(17);
        assertThat(at.get(at.size() - 1) - at.get(at.size() - 2)).isEqualTo(2000);
    }

    @Test
    void aFixedPeriodProbesAtMultiplesOfThePeriodAsBefore() {
        assertThat(quietProbes(ProbeSchedule.fixed(2500), 20_000)).containsExactly(2500L, 5000L, 7500L, 10_000L,
                12_500L, 15_000L, 17_500L, 20_000L);
    }

    @Test
    void aProbeThatCameLateCountsTheNextIntervalFromWhereItRan() {
        ProbeTimer timer = new ProbeTimer(ProbeSchedule.adaptive(5, 10, 2.0, 100));
        assertThat(timer.isDue(4)).isFalse();
        assertThat(timer.isDue(5)).isTrue();

        timer.probed(37, QUIET); // e.g. the legacy pipeline's first episode end after update 5

        assertThat(timer.nextDue()).isEqualTo(47);
        timer.probed(47, QUIET);
        assertThat(timer.nextDue()).isEqualTo(67);
    }

    @Test
    void aWorseningBringsTheIntervalBackToTheInitialOne() {
        ProbeTimer timer = new ProbeTimer(ProbeSchedule.adaptive(1, 10, 2.0, 100));
        timer.probed(1, QUIET);
        timer.probed(11, QUIET);
        timer.probed(31, QUIET);
        assertThat(timer.nextDue()).isEqualTo(71);

        timer.probed(71, new ProbeSignal(Set.of(FindingKind.SOFT_DIVERGENCE), 1.0, 0.9));

        assertThat(timer.nextDue()).isEqualTo(81);
        assertThat(timer.worsenings()).isEqualTo(1);
    }

    @Test
    void aProbeWithoutBatchMovesOnWithoutChangingTheInterval() {
        ProbeTimer timer = new ProbeTimer(ProbeSchedule.adaptive(1, 10, 2.0, 100));
        timer.skipped(3);
        assertThat(timer.nextDue()).isEqualTo(13);
        timer.probed(13, QUIET);
        timer.probed(23, QUIET);
        timer.skipped(43);
        assertThat(timer.nextDue()).isEqualTo(63);
    }

    @Test
    void worseningIsANewCandidateKindOrARiseOfMaxQOrBetaBeyondTheMarginOverTheRecentMaximum() {
        ProbeSchedule.Adaptive s = new ProbeSchedule.Adaptive(1, 10, 2.0, 100, 0.5);
        List<ProbeSignal> recent = List.of(new ProbeSignal(Set.of(), 4.0, 1.0),
                new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION), 2.0, 0.5));

        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION), 6.0, 1.5), recent))
                .as("max|Q| 6 = 1.5 x 4 and beta 1.5 = 1.5 x 1: not beyond the margin").isFalse();
        assertThat(s.worsened(new ProbeSignal(Set.of(), 1.0, 0.5), recent)).as("a kind that went away").isFalse();
        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION), 6.01, 1.0), recent)).isTrue();
        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION), 1.0, 1.51), recent)).isTrue();
        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION, FindingKind.SELF_EXCITING), 1.0,
                1.0), recent)).isTrue();
        List<ProbeSignal> withoutKernelLast = List.of(recent.get(1), new ProbeSignal(Set.of(), 2.0, Double.NaN));
        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.OVER_GENERALIZATION), 2.0, 0.6), withoutKernelLast))
                .as("a kind of an earlier recent probe that returns is not new").isFalse();
        assertThat(s.worsened(new ProbeSignal(Set.of(), 100.0, 100.0), List.of())).as("first probe").isFalse();
    }

    @Test
    void nonFiniteAndMissingValuesAreNotARise() {
        ProbeSchedule.Adaptive s = new ProbeSchedule.Adaptive(1, 10, 2.0, 100, 0.5);
        List<ProbeSignal> noKernel = List.of(new ProbeSignal(Set.of(), 1.0, Double.NaN));

        assertThat(s.worsened(new ProbeSignal(Set.of(), 1.0, 5.0), noKernel)).isFalse();
        assertThat(s.worsened(new ProbeSignal(Set.of(), Double.NaN, Double.NaN), noKernel)).isFalse();
        assertThat(s.worsened(new ProbeSignal(Set.of(), 3.0, Double.NaN),
                List.of(new ProbeSignal(Set.of(), Double.POSITIVE_INFINITY, 1.0), new ProbeSignal(Set.of(), 1.0, 1.0))))
                .as("the infinite past value is skipped: 3 > 1.5 x 1").isTrue();
    }

    @Test
    void theFixedScheduleNeverWorsens() {
        ProbeSchedule s = ProbeSchedule.fixed(7);
        assertThat(s.worsened(new ProbeSignal(Set.of(FindingKind.NON_FINITE), 1e9, 1e9), List.of(QUIET))).isFalse();
        assertThat(s.nextInterval(7, true)).isEqualTo(7);
        assertThat(s.first()).isEqualTo(7);
    }

    @Property
    void quietIntervalsGrowMonotonicallyWithinInitialAndMax(@ForAll @IntRange(min = 1, max = 500) int initial,
            @ForAll @DoubleRange(min = 1, max = 100) double growth, @ForAll @IntRange(min = 0, max = 5000) int extra,
            @ForAll @IntRange(min = 1, max = 60) int probes) {
        ProbeSchedule s = new ProbeSchedule.Adaptive(1, initial, growth, initial + extra, 0.5);
        int interval = s.nextInterval(0, false);
        assertThat(interval).isEqualTo(initial);
        for (int i = 0; i < probes; i++) {
            int next = s.nextInterval(interval, false);
            assertThat(next).isBetween(interval, initial + extra);
            assertThat(next).isGreaterThanOrEqualTo((int) Math.min(initial + extra, Math.ceil(interval * growth)));
            interval = next;
        }
    }

    @Property
    void aWorseningAlwaysReturnsToTheInitialInterval(@ForAll @IntRange(min = 1, max = 500) int initial,
            @ForAll @DoubleRange(min = 1, max = 100) double growth,
            @ForAll @IntRange(min = 0, max = 100_000) int previous) {
        ProbeSchedule s = new ProbeSchedule.Adaptive(1, initial, growth, initial + 1000, 0.5);
        assertThat(s.nextInterval(previous, true)).isEqualTo(initial);
    }

    @Property
    void withoutWorseningTheTimerIsDueExactlyOneIntervalAfterEachProbe(@ForAll @IntRange(min = 1, max = 50) int first,
            @ForAll @IntRange(min = 1, max = 30) int initial, @ForAll @DoubleRange(min = 1, max = 4) double growth) {
        ProbeSchedule s = new ProbeSchedule.Adaptive(first, initial, growth, 200, 0.5);
        List<Long> at = quietProbes(s, 3_000);
        assertThat(at.get(0)).isEqualTo(first);
        int interval = 0;
        for (int i = 1; i < at.size(); i++) {
            interval = s.nextInterval(interval, false);
            assertThat(at.get(i) - at.get(i - 1)).isEqualTo(interval);
        }
        assertThat(3_000 - at.get(at.size() - 1)).isLessThan(s.nextInterval(interval, false));
    }

    @Test
    void invalidSettingsNameTheFieldTheRangeAndTheValue() {
        assertThatThrownBy(() -> ProbeSchedule.fixed(0)).hasMessage("period must be in [1, 2147483647], got 0");
        assertThatThrownBy(() -> ProbeSchedule.adaptive(0, 10, 1.5, 100))
                .hasMessage("first must be in [1, 2147483647], got 0");
        assertThatThrownBy(() -> ProbeSchedule.adaptive(1, 200, 1.5, 100))
                .hasMessage("initialInterval must be in [1, 100], got 200");
        assertThatThrownBy(() -> ProbeSchedule.adaptive(1, 10, 0.9, 100))
                .hasMessage("growth must be in [1, 100], got 0.9");
        assertThatThrownBy(() -> ProbeSchedule.adaptive(1, 10, Double.NaN, 100))
                .hasMessage("growth must be in [1, 100], got NaN");
        assertThatThrownBy(() -> ProbeSchedule.adaptive(1, 1, 1.5, 0))
                .hasMessage("maxInterval must be in [1, 2147483647], got 0");
        assertThatThrownBy(() -> new ProbeSchedule.Adaptive(1, 10, 1.5, 100, 0))
                .hasMessage("riseMargin must be in (0, 1000], got 0.0");
    }

    @Test
    void theScheduleIsWrittenInTheConfigurationsJson() {
        assertThat(NtkDiagnostics.builder().build().toString()).contains("Adaptive[first=1, initialInterval=10");
        DiagnosticsConfig adaptive = configOf(NtkDiagnostics.builder());
        assertThat(adaptive.toSettings().get("schedule")).isEqualTo(java.util.Map.of("kind", "adaptive", "first", 1,
                "initial_interval", 10, "growth", 2.0, "max_interval", 2000, "rise_margin", 1.0));
        assertThat(configOf(NtkDiagnostics.builder().schedule(ProbeSchedule.adaptive()).period(40)).schedule())
                .isEqualTo(ProbeSchedule.fixed(40));
        assertThat(configOf(NtkDiagnostics.builder().period(40).schedule(ProbeSchedule.adaptive(2, 3, 2, 9)))
                .toSettings().get("schedule")).isEqualTo(java.util.Map.of("kind", "adaptive", "first", 2,
                "initial_interval", 3, "growth", 2.0, "max_interval", 9, "rise_margin", 1.0));
    }

    private static DiagnosticsConfig configOf(NtkDiagnosticsBuilder builder) {
        try (NtkDiagnostics d = builder.build()) {
            return d.config();
        }
    }
}
