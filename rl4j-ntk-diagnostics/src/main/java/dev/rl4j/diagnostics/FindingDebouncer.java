package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Debouncing of findings over probes: a candidate becomes active once its kind was met on {@code consecutive} probes
 * in a row; {@link FindingKind#NON_FINITE} is active at once. A kind missing from a probe restarts its count.
 * The listener uses one per run; {@code rl4j-lab calibrate} replays recorded candidates through it to compare
 * debouncing settings. Not thread-safe.
 *
 * <p>Stability: experimental. @since 0.1
 */
public final class FindingDebouncer {

    private final int consecutive;
    private final Map<FindingKind, Integer> streaks = new EnumMap<>(FindingKind.class);

    /**
     * @param consecutive probes in a row a kind must be met on before it becomes active, >= 1
     * @throws IllegalArgumentException when {@code consecutive < 1}
     */
    public FindingDebouncer(int consecutive) {
        if (consecutive < 1) {
            throw new IllegalArgumentException("consecutive must be in [1, " + Integer.MAX_VALUE + "], got " + consecutive);
        }
        this.consecutive = consecutive;
    }

    /** The active findings among this probe's candidates; updates the streaks. */
    public List<Finding> activate(List<Finding> candidates) {
        List<Finding> active = new ArrayList<>();
        EnumSet<FindingKind> present = EnumSet.noneOf(FindingKind.class);
        for (Finding f : candidates) {
            present.add(f.kind());
            int streak = streaks.merge(f.kind(), 1, Integer::sum);
            if (f.kind() == FindingKind.NON_FINITE || streak >= consecutive) {
                active.add(f);
            }
        }
        for (FindingKind k : FindingKind.values()) {
            if (!present.contains(k)) {
                streaks.remove(k);
            }
        }
        return active;
    }
}
