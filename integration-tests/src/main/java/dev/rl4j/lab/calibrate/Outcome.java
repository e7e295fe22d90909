package dev.rl4j.lab.calibrate;

/**
 * What the harness judged of one run (docs/math.md#calibration).
 *
 * @param bound        the divergence bound B on max|Q| over the evaluation set
 * @param startMaxAbsQ max|Q| over the evaluation set before the first update
 * @param peakMaxAbsQ  the largest max|Q| checked (NaN when a check was not finite)
 * @param divergedAt   the first update whose max|Q| exceeded B or was not finite, {@link #HEALTHY} when none did
 * @param updates      updates applied when the run ended
 */
public record Outcome(double bound, double startMaxAbsQ, double peakMaxAbsQ, long divergedAt, long updates) {

    /** {@link #divergedAt} of a healthy run. */
    public static final long HEALTHY = -1;

    /** True when the run diverged. */
    public boolean diverged() {
        return divergedAt != HEALTHY;
    }

    /** "diverged" or "healthy". */
    public String label() {
        return diverged() ? "diverged" : "healthy";
    }
}
