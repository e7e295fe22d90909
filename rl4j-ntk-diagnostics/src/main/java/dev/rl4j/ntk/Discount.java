package dev.rl4j.ntk;

/**
 * The ranges a discount factor gamma may take, and the one rule that validates it (for every configuration that
 * accepts a gamma). The contraction analysis (Achiam et al. 2019, Thm. 2; docs/math.md#contraction) needs gamma &lt; 1; an
 * episodic TD update such as PreQN's also accepts the undiscounted gamma = 1.
 *
 * <pre>{@code
 * double gamma = Discount.BELOW_ONE.require("gamma", value); // "gamma must be in [0, 1), got 1.0"
 * }</pre>
 *
 * <p>Stability: experimental. @since 0.1
 */
public enum Discount {
    /** gamma in [0, 1): the contraction conditions (eqs. 16-17) and SEEM are stated for it. */
    BELOW_ONE("[0, 1)"),
    /** gamma in [0, 1]: a TD update that bootstraps only from non-terminal transitions. */
    UP_TO_ONE("[0, 1]");

    private final String range;

    Discount(String range) {
        this.range = range;
    }

    /** The range as written in messages, e.g. {@code [0, 1)}. */
    public String range() {
        return range;
    }

    /**
     * Returns {@code gamma} when it lies in this range.
     *
     * @param field the name the user knows the value by (e.g. {@code gamma}, {@code --gamma})
     * @throws IllegalArgumentException "FIELD must be in RANGE, got VALUE" otherwise (NaN included)
     */
    public double require(String field, double gamma) {
        boolean ok = gamma >= 0.0 && (this == UP_TO_ONE ? gamma <= 1.0 : gamma < 1.0); // NaN fails both
        if (!ok) {
            throw new IllegalArgumentException(field + " must be in " + range + ", got " + gamma);
        }
        return gamma;
    }
}
