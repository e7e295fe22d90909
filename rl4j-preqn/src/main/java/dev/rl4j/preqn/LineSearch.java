package dev.rl4j.preqn;

import java.util.Objects;

/**
 * PreQN's backtracking line search (Achiam et al. 2019, eq. 21; docs/math.md#line-search): trial steps theta + c^k Delta theta,
 * k = 0 .. maxTrials - 1, until cos(Q_new - Q_old, delta) >= eta, then the {@link LineSearchFailurePolicy} when no
 * trial met eta. A trial whose Q-values are not finite has cosine NaN: it never meets eta and is never kept.
 */
final class LineSearch {

    /** The network at trial parameters, as the line search sees it. */
    interface Trial {
        /** Sets theta + fraction * Delta theta and returns cos(Q_new - Q_old, delta) there (NaN if not finite). */
        double cosineAt(double fraction);

        /** Restores theta exactly. */
        void restore();
    }

    /**
     * What the search did.
     *
     * @param outcome ACCEPTED (a trial met eta, kept), KEPT_SMALLEST_TRIAL or REJECTED (theta restored)
     * @param trace   the trials
     */
    record Result(PreQNUpdate.Outcome outcome, PreQNUpdate.LineSearchTrace trace) {
        /** True when no trial met eta, whatever the policy did. */
        boolean failed() {
            return outcome != PreQNUpdate.Outcome.ACCEPTED;
        }
    }

    private final double eta;
    private final double shrink;
    private final int maxTrials;
    private final LineSearchFailurePolicy policy;

    LineSearch(double eta, double shrink, int maxTrials, LineSearchFailurePolicy policy) {
        this.eta = eta;
        this.shrink = shrink;
        this.maxTrials = maxTrials;
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The line search PreQN's configuration describes (eta, shrink, maxTrials, failure policy). */
    static LineSearch of(PreQNConfiguration conf) {
        return new LineSearch(conf.eta(), conf.shrink(), conf.maxTrials(), conf.failurePolicy());
    }

    /** Runs the trials; on failure applies the policy (REJECT_STEP, or a NaN last trial, restores theta). */
    Result run(Trial trial) {
        double fraction = 1.0;
        double firstCosine = Double.NaN;
        double cosine = Double.NaN;
        int trials = 0;
        boolean accepted = false;
        while (trials < maxTrials) {
            cosine = trial.cosineAt(fraction);
            trials++;
            if (trials == 1) {
                firstCosine = cosine;
            }
            if (cosine >= eta) {
                accepted = true;
                break;
            }
            if (trials < maxTrials) {
                fraction *= shrink;
            }
        }
        PreQNUpdate.Outcome outcome = PreQNUpdate.Outcome.ACCEPTED;
        if (!accepted) {
            boolean keep = policy == LineSearchFailurePolicy.KEEP_SMALLEST_TRIAL && !Double.isNaN(cosine);
            outcome = keep ? PreQNUpdate.Outcome.KEPT_SMALLEST_TRIAL : PreQNUpdate.Outcome.REJECTED;
            if (!keep) {
                trial.restore();
            }
        }
        return new Result(outcome, new PreQNUpdate.LineSearchTrace(trials, firstCosine, cosine, fraction));
    }
}
