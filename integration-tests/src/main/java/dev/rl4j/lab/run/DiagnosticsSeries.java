package dev.rl4j.lab.run;

import dev.rl4j.diagnostics.Finding;
import dev.rl4j.diagnostics.ProbeMeasurement;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.lab.report.RunSeries;
import java.util.List;

/** Converts the diagnostics listener's history into the report's probe points. */
final class DiagnosticsSeries {

    private DiagnosticsSeries() {
    }

    static List<RunSeries.Probe> probes(List<ProbeRecord> history) {
        return history.stream().map(DiagnosticsSeries::probe).toList();
    }

    static RunSeries.Probe probe(ProbeRecord r) {
        ProbeMeasurement m = r.measurement();
        return new RunSeries.Probe(m.step(), m.maxAbsQ(), m.softBound(), m.rowRatioMax(), m.rowRatioBound(), m.beta(),
                m.seem(), r.active().stream().map(Finding::kind).map(Enum::name).toList());
    }
}
