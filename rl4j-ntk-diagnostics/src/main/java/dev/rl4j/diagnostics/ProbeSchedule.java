package dev.rl4j.diagnostics;

import dev.rl4j.provenance.JsonValues;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the listener probes, in learner updates: a pure, immutable policy ({@link NtkDiagnosticsBuilder#schedule});
 * the per-run state lives in the monitor. Adapters ask at their own callbacks (legacy: each episode end; builder:
 * each step), so a probe runs at the first callback at which one is due.
 *
 * <ul>
 * <li>{@link #fixed(int)}: every {@code period} updates, the first at update {@code period}
 * ({@link NtkDiagnosticsBuilder#period(int)}).</li>
 * <li>{@link #adaptive()} (the default): the first probe once the learner has made {@code first} updates; then
 * dense (every {@code initialInterval} updates), each quiet probe multiplying the interval by {@code growth} up to
 * {@code maxInterval}; a probe whose {@link ProbeSignal} is worse than the last probes' brings the interval back to
 * {@code initialInterval} ({@link Adaptive#worsened}).</li>
 * </ul>
 *
 * <p>The schedule sees a probe only through its {@link ProbeSignal} (candidate finding kinds, max|Q|, beta).
 *
 * <p>Stability: experimental. @since 0.2
 */
public sealed interface ProbeSchedule permits ProbeSchedule.Fixed, ProbeSchedule.Adaptive {

    /** Probes of the past that {@link Adaptive#worsened} compares a new probe with. */
    int RECENT_PROBES = 3;

    /**
     * Default relative rise (1.0: more than double the largest of the recent probes) of max|Q| or beta that counts as
     * a worsening. Beta, a maximum over the probe's rows, varied between consecutive probes of a healthy CartPole DQN
     * run by a factor of 1.7 (median) and up to 29; with margin 0.5 the schedule fell back to dense twice as often
     * (docs/results.md, "The default probe schedule").
     */
    double DEFAULT_RISE_MARGIN = 1.0;

    /** A probe every {@code period} updates, >= 1; the first at update {@code period}. */
    static ProbeSchedule fixed(int period) {
        return new Fixed(period);
    }

    /**
     * The default schedule: {@code new Adaptive(1, 10, 2.0, 2000, 1.0)}. Without any worsening it probes at updates
     * 1, 11, 31, 71, 151, 311, 631, 1271, 2551, then every 2000: 8 probes in the first 2 000 updates and 17 in the
     * first 20 000 ({@code ProbeScheduleTest}); each worsening adds about log2(interval / 10) probes. The values were
     * chosen on a dense trace of RL4J's default CartPole DQN (docs/results.md, "The default probe schedule").
     */
    static ProbeSchedule adaptive() {
        return new Adaptive(1, 10, 2.0, 2000, DEFAULT_RISE_MARGIN);
    }

    /** An adaptive schedule with the default rise margin 1.0 ({@link Adaptive} names the ranges). */
    static ProbeSchedule adaptive(int first, int initialInterval, double growth, int maxInterval) {
        return new Adaptive(first, initialInterval, growth, maxInterval, DEFAULT_RISE_MARGIN);
    }

    /** The update count at which the first probe is due, >= 1. */
    int first();

    /**
     * The interval, in updates, after a probe: {@code previous} is the interval that led to it (0 for the first
     * probe) and {@code worsened} says whether its signal was worse than the last probes'.
     */
    int nextInterval(int previous, boolean worsened);

    /** True when {@code now} is worse than the {@code recent} probes (oldest first, at most {@link #RECENT_PROBES}). */
    boolean worsened(ProbeSignal now, List<ProbeSignal> recent);

    /** This schedule as a provenance object (snake_case keys, {@code kind} first). */
    Map<String, Object> toSettings();

    /**
     * A probe every {@code period} updates.
     *
     * @param period updates between probes, in [1, 2147483647]
     */
    record Fixed(int period) implements ProbeSchedule {

        /** @throws IllegalArgumentException naming the field, its range and the value received */
        public Fixed {
            requireInt("period", period, 1, Integer.MAX_VALUE);
        }

        @Override
        public int first() {
            return period;
        }

        @Override
        public int nextInterval(int previous, boolean worsened) {
            return period;
        }

        @Override
        public boolean worsened(ProbeSignal now, List<ProbeSignal> recent) {
            return false;
        }

        @Override
        public Map<String, Object> toSettings() {
            return JsonValues.ordered("kind", "fixed", "period", period);
        }
    }

    /**
     * Dense early, geometric back-off while nothing worsens, dense again when something does.
     *
     * @param first           updates the learner must have made before the first probe, in [1, 2147483647]
     * @param initialInterval updates between probes after the first one and after a worsening, in [1, maxInterval]
     * @param growth          factor of the interval after each quiet probe, in [1, 100] (1: never back off)
     * @param maxInterval     largest interval, so long runs still get probes, in [1, 2147483647]
     * @param riseMargin      relative rise of max|Q| or beta over the last probes' largest value that counts as a
     *                        worsening, in (0, 1000]
     */
    record Adaptive(int first, int initialInterval, double growth, int maxInterval, double riseMargin)
            implements ProbeSchedule {

        /** @throws IllegalArgumentException naming the field, its range and the value received */
        public Adaptive {
            requireInt("first", first, 1, Integer.MAX_VALUE);
            requireInt("maxInterval", maxInterval, 1, Integer.MAX_VALUE);
            requireInt("initialInterval", initialInterval, 1, maxInterval);
            if (!(growth >= 1 && growth <= 100)) {
                throw new IllegalArgumentException("growth must be in [1, 100], got " + growth);
            }
            if (!(riseMargin > 0 && riseMargin <= 1000)) {
                throw new IllegalArgumentException("riseMargin must be in (0, 1000], got " + riseMargin);
            }
        }

        /** {@code initialInterval} after the first probe or a worsening, else ceil(previous * growth) up to the cap. */
        @Override
        public int nextInterval(int previous, boolean worsened) {
            if (previous <= 0 || worsened) {
                return initialInterval;
            }
            double grown = Math.ceil(previous * growth);
            return (int) Math.min(maxInterval, Math.max(previous, grown));
        }

        /**
         * True when {@code now} shows a candidate finding kind that none of the {@code recent} probes had, or its
         * max|Q| or beta exceeds (1 + riseMargin) times the largest finite value of the {@code recent} probes. A kind
         * must be missing from every recent probe because kernel findings vanish on a probe without kernel metrics
         * (alpha unknown) and return on the next. Non-finite values are left to the NON_FINITE finding; the first
         * probe (no {@code recent}) never worsens.
         */
        @Override
        public boolean worsened(ProbeSignal now, List<ProbeSignal> recent) {
            if (recent.isEmpty()) {
                return false;
            }
            Set<FindingKind> seen = EnumSet.noneOf(FindingKind.class);
            recent.forEach(r -> seen.addAll(r.candidateKinds()));
            if (!seen.containsAll(now.candidateKinds())) {
                return true;
            }
            return rose(now.maxAbsQ(), recent.stream().mapToDouble(ProbeSignal::maxAbsQ).toArray())
                    || rose(now.beta(), recent.stream().mapToDouble(ProbeSignal::beta).toArray());
        }

        private boolean rose(double value, double[] past) {
            double reference = Double.NaN;
            for (double p : past) {
                if (Double.isFinite(p) && !(p <= reference)) {
                    reference = p;
                }
            }
            return Double.isFinite(value) && Double.isFinite(reference) && value > (1 + riseMargin) * reference;
        }

        @Override
        public Map<String, Object> toSettings() {
            return JsonValues.ordered("kind", "adaptive", "first", first, "initial_interval", initialInterval,
                    "growth", growth, "max_interval", maxInterval, "rise_margin", riseMargin);
        }
    }

    /** @throws IllegalArgumentException naming the field, its range and the value received */
    private static void requireInt(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
