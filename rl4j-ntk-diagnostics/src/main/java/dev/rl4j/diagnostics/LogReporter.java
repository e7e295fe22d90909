package dev.rl4j.diagnostics;

import dev.rl4j.ntk.StabilityMetrics;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Rate-limited SLF4J output of probe records: DEBUG for every probe, INFO at most once per {@code minIntervalNanos},
 * WARN (ERROR for CRITICAL, INFO for INFO) only when a finding becomes active, INFO when it clears. State changes are never
 * rate-limited; they are rare by construction (debouncing).
 */
final class LogReporter implements ProbeSink {

    private final Logger log;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final Set<FindingKind> activeBefore = EnumSet.noneOf(FindingKind.class);
    private long lastInfo;
    private boolean anyInfo;

    LogReporter(Logger log, long minIntervalNanos, LongSupplier clock) {
        this.log = log;
        this.minIntervalNanos = minIntervalNanos;
        this.clock = clock;
    }

    @Override
    public void accept(ProbeRecord r) {
        ProbeMeasurement m = r.measurement();
        if (log.isDebugEnabled()) {
            log.debug("probe={} {}", r.index(), r.columns());
        }
        long now = clock.getAsLong();
        if (!anyInfo || now - lastInfo >= minIntervalNanos) {
            anyInfo = true;
            lastInfo = now;
            log.info("ntk probe={} update={} ntk/beta={} ntk/fraction17={} ntk/row_ratio_max={} ntk/seem={} "
                            + "q/max_abs={} features/srank={} alpha/value={} ({})",
                    r.index(), m.update(), m.kernelMetric(StabilityMetrics::beta),
                    m.kernelMetric(StabilityMetrics::fraction17), m.kernelMetric(StabilityMetrics::rowRatioMax),
                    m.kernelMetric(StabilityMetrics::seem), m.q().maxAbs(), m.features().srank(),
                    m.stepSize().alpha(), m.stepSize().source());
        }
        Set<FindingKind> now2 = EnumSet.noneOf(FindingKind.class);
        for (Finding f : r.active()) {
            now2.add(f.kind());
            if (!activeBefore.contains(f.kind())) {
                if (f.severity() == Severity.CRITICAL) {
                    log.error("ntk finding {} at update {}: {} {}", f.kind(), m.update(), f.explanation(), f.numbers());
                } else if (f.severity() == Severity.INFO) {
                    log.info("ntk finding {} (info) at update {}: {} {}", f.kind(), m.update(), f.explanation(),
                            f.numbers());
                } else {
                    log.warn("ntk finding {} at update {}: {} {}", f.kind(), m.update(), f.explanation(), f.numbers());
                }
            }
        }
        for (FindingKind k : activeBefore) {
            if (!now2.contains(k)) {
                log.info("ntk finding {} cleared at update {}", k, m.update());
            }
        }
        activeBefore.clear();
        activeBefore.addAll(now2);
    }
}
