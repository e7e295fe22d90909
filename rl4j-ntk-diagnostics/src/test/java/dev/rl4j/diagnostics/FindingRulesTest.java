package dev.rl4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rl4j.ntk.StabilityMetrics;
import org.junit.jupiter.api.Test;

/** The two presets on one kernel: the live listener's thresholds and the offline command's stricter ones. */
class FindingRulesTest {

    /** A kernel with the given fraction of rows meeting eq. 17, beta and SEEM; eq. 16 holds on every row. */
    static StabilityMetrics kernel(double fraction17, double beta, double seem) {
        return new StabilityMetrics(10, 0.99, 1e-3, 2, 1, 3, 0.1, 0.2, 0.01, 0.01, 0.02, 0.03, 0, 0.01, 1.0,
                fraction17, beta, 1e-3, 10, 1e4, seem, seem / 10, new double[10], new boolean[10], new boolean[10]);
    }

    /** The live preset finds nothing on {@code k}; the strict one finds exactly {@code kind}. */
    private static void assertOnlyTheStrictPresetReports(StabilityMetrics k, FindingKind kind) {
        assertThat(FindingRules.live().evaluate(k)).isEmpty();
        assertThat(FindingRules.offlineStrict().evaluate(k)).extracting(Finding::kind).containsExactly(kind);
    }

    @Test
    void overGeneralizationFiresBelowHalfTheRowsLiveAndBelowAllRowsOffline() {
        assertOnlyTheStrictPresetReports(kernel(0.8, 0.9, -1), FindingKind.OVER_GENERALIZATION);
        assertThat(FindingRules.live().evaluate(kernel(0.4, 0.9, -1))).extracting(Finding::kind)
                .containsExactly(FindingKind.OVER_GENERALIZATION);
    }

    @Test
    void noContractionIsReportedOnlyByTheStrictPreset() {
        StabilityMetrics k = kernel(1.0, 1.2, -1);

        assertOnlyTheStrictPresetReports(k, FindingKind.NO_CONTRACTION);
        assertThat(FindingRules.offlineStrict().evaluate(k).get(0).numbers()).containsEntry("ntk/beta", 1.2);
    }

    @Test
    void anySeemAboveZeroIsSelfExcitingOffline() {
        assertOnlyTheStrictPresetReports(kernel(1.0, 0.9, 1e-12), FindingKind.SELF_EXCITING); // live: round-off guard
        assertThat(FindingRules.offlineStrict().evaluate(kernel(1.0, 0.9, Double.NaN))).isEmpty(); // no next states
    }

    @Test
    void kernelFindingsComeInFindingKindOrder() {
        StabilityMetrics k = kernel(0.0, 1.5, 0.3);

        assertThat(FindingRules.offlineStrict().evaluate(k)).extracting(Finding::kind).containsExactly(
                FindingKind.OVER_GENERALIZATION, FindingKind.NO_CONTRACTION, FindingKind.SELF_EXCITING);
    }

    @Test
    void theLivePresetIsTheFiveThresholdShapeWithTheCalibratedInformationalKinds() {
        assertThat(new FindingRules(0.5, 1e-6, 1e-9, 1.0, 0.05).withInformational(
                java.util.Set.of(FindingKind.OVER_GENERALIZATION))).isEqualTo(FindingRules.live());
        assertThat(FindingRules.live().evaluate(kernel(0.0, 0.9, 0.3))).extracting(Finding::kind, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingKind.OVER_GENERALIZATION, Severity.INFO),
                        org.assertj.core.groups.Tuple.tuple(FindingKind.SELF_EXCITING, Severity.WARNING));
        assertThat(FindingRules.offlineStrict().informational()).isEmpty();
    }

    @Test
    void selfExcitingWarnsOnlyWhenTheTargetsComeFromTheNetworkBeingUpdated() {
        FindingRules live = FindingRules.live();

        assertThat(live.forTargetSyncInterval(1)).isSameAs(live);
        assertThat(live.forTargetSyncInterval(1).severityOf(FindingKind.SELF_EXCITING)).isEqualTo(Severity.WARNING);
        for (Integer notOnline : new Integer[] {2, 100, Integer.MAX_VALUE, null}) {
            FindingRules r = live.forTargetSyncInterval(notOnline);
            assertThat(r.severityOf(FindingKind.SELF_EXCITING)).as("interval %s", notOnline).isEqualTo(Severity.INFO);
            assertThat(r.severityOf(FindingKind.OVER_GENERALIZATION)).isEqualTo(Severity.INFO); // kept
            assertThat(r.severityOf(FindingKind.SOFT_DIVERGENCE)).isEqualTo(Severity.WARNING);
            assertThat(r.evaluate(kernel(1.0, 0.9, 0.3))).extracting(Finding::kind)
                    .containsExactly(FindingKind.SELF_EXCITING); // still evaluated and recorded
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> live.forTargetSyncInterval(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetSyncInterval")
                .hasMessageContaining("0");
    }

    @Test
    void informationalKindsAreReportedWithTheirNumbersAsInfo() {
        FindingRules rules = FindingRules.offlineStrict().withInformational(java.util.Set.of(FindingKind.OVER_GENERALIZATION));
        java.util.List<Finding> found = rules.evaluate(kernel(0.0, 1.5, 0.3));

        assertThat(found).extracting(Finding::kind).containsExactly(FindingKind.OVER_GENERALIZATION,
                FindingKind.NO_CONTRACTION, FindingKind.SELF_EXCITING);
        assertThat(found).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.WARNING,
                Severity.WARNING);
        assertThat(found.get(0).numbers()).containsKey("ntk/fraction17");
        assertThat(rules.severityOf(FindingKind.NON_FINITE)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void nonFiniteCannotBeInformational() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> FindingRules.live().withInformational(java.util.Set.of(FindingKind.NON_FINITE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("informational")
                .hasMessageContaining("NON_FINITE");
    }

    @Test
    void debouncerActivatesAfterConsecutiveProbesAndRejectsZero() {
        FindingDebouncer d = new FindingDebouncer(2);
        java.util.List<Finding> og = FindingRules.live().evaluate(kernel(0.0, 0.9, -1));

        assertThat(d.activate(og)).isEmpty();
        assertThat(d.activate(og)).extracting(Finding::kind).containsExactly(FindingKind.OVER_GENERALIZATION);
        assertThat(d.activate(java.util.List.of())).isEmpty();
        assertThat(d.activate(og)).isEmpty(); // a missing probe restarts the count
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FindingDebouncer(0))
                .hasMessageContaining("consecutive").hasMessageContaining("0");
    }
}
