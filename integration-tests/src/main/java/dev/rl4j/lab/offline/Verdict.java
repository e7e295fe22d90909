package dev.rl4j.lab.offline;

import dev.rl4j.ntk.StabilityMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Simple, documented verdicts of the offline {@code ntk} command, one test each on {@link StabilityMetrics}. This is
 * deliberately a reading of single numbers; the live diagnostics listener has the full logic (hysteresis, trends).
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Verdict {
    /** Eq. 17 fails on at least one row ({@code fraction17 < 1}): off-diagonal mass too large, the paper's
     *  over-generalisation. */
    OVER_GENERALIZATION,
    /** Eq. 16 fails on at least one row ({@code fraction16 < 1}): alpha K_ii / N >= 1, the step overshoots. */
    STEP_TOO_LARGE,
    /** beta(K) >= 1: no sup-norm contraction guarantee (Thm. 2). */
    NO_CONTRACTION,
    /** SEEM > 0 (only with next states): the linearised expected update has a self-exciting direction. */
    SELF_EXCITING,
    /** None of the above: beta < 1, eqs. 16 and 17 hold on every row, and SEEM <= 0 or unknown. */
    OK;

    /** The verdicts that apply, in declaration order; {@code [OK]} when none of the failures does. */
    public static List<Verdict> of(StabilityMetrics m) {
        List<Verdict> v = new ArrayList<>();
        if (m.fraction17() < 1) {
            v.add(OVER_GENERALIZATION);
        }
        if (m.fraction16() < 1) {
            v.add(STEP_TOO_LARGE);
        }
        if (!m.isContraction()) {
            v.add(NO_CONTRACTION);
        }
        if (m.isSelfExciting()) { // false when seem is NaN
            v.add(SELF_EXCITING);
        }
        if (v.isEmpty()) {
            v.add(OK);
        }
        return List.copyOf(v);
    }
}
