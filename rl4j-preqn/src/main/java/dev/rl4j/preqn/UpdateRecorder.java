package dev.rl4j.preqn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping around PreQN updates: counts every update and every skipped, solve-failed and line-search-failed
 * one, keeps the latest telemetry, logs each update at DEBUG and the unusual ones at WARN, rate-limited (the first 3
 * occurrences of each, then every 100th). Logs under {@link PreQNUpdateAlgorithm}'s logger name. Not thread-safe.
 */
final class UpdateRecorder {

    private static final Logger log = LoggerFactory.getLogger(PreQNUpdateAlgorithm.class);

    private long updates;
    private long skippedUpdates;
    private long lineSearchFailures;
    private long solveFailures;
    private PreQNUpdate lastUpdate;

    /** Counts a new update and returns its 1-based index. */
    long begin() {
        return ++updates;
    }

    /** Records an update skipped on non-finite input ({@code why} names it). */
    PreQNUpdate skipped(PreQNUpdate u, String why) {
        skippedUpdates++;
        if (rateLimited(skippedUpdates)) {
            log.warn("preqn/skipped_non_finite update={} count={} parameters unchanged: {}", u.update(), skippedUpdates,
                    why);
        }
        return finish(u);
    }

    /** Records an update whose solve gave Z = 0 for a non-zero delta. */
    PreQNUpdate solveFailed(PreQNUpdate u) {
        solveFailures++;
        if (rateLimited(solveFailures)) {
            log.warn("preqn/solve_failed update={} count={} parameters unchanged: Z = 0 for |delta|max={} cond_k={}",
                    u.update(), solveFailures, u.deltaMaxAbs(), u.conditionNumber());
        }
        return finish(u);
    }

    /** Records an update whose line search ran; a failed search is counted and logged with the search's settings. */
    PreQNUpdate stepped(PreQNUpdate u, PreQNConfiguration conf) {
        if (u.outcome() != PreQNUpdate.Outcome.ACCEPTED) {
            lineSearchFailures++;
            if (rateLimited(lineSearchFailures)) {
                PreQNUpdate.LineSearchTrace t = u.lineSearch();
                log.warn("preqn/line_search_failed update={} count={} policy={} outcome={} trials={} "
                        + "cos_first={} cos_last={} eta={} smallest_fraction={} delta_max_abs={} cond_k={}",
                        u.update(), lineSearchFailures, conf.failurePolicy(), u.outcome(), t.trials(),
                        t.firstCosine(), t.lastCosine(), conf.eta(), t.lastFraction(), u.deltaMaxAbs(),
                        u.conditionNumber());
            }
        }
        return finish(u);
    }

    /** Records any other update (ZERO_ERROR). */
    PreQNUpdate finish(PreQNUpdate u) {
        lastUpdate = u;
        if (log.isDebugEnabled()) {
            log.debug("update={} preqn/outcome={} preqn/cos_before={} preqn/cos_after={} preqn/step_fraction={} "
                    + "preqn/trials={} preqn/cond_k={} preqn/lambda={} preqn/fallback_solve={} "
                    + "preqn/delta_mean_abs={} preqn/delta_max_abs={} preqn/targets_ms={} preqn/kernel_ms={} "
                    + "preqn/solve_ms={} preqn/step_ms={} preqn/line_search_ms={} preqn/effect_ms={} preqn/td_closed={} preqn/boot_over_dq={} preqn/held_pairs={}", u.update(), u.outcome(), u.cosineBefore(), u.cosineAfter(),
                    u.stepFraction(), u.trials(), u.conditionNumber(), u.lambda(), u.fallbackSolve(),
                    u.deltaMeanAbs(), u.deltaMaxAbs(), u.targetsNanos() / 1e6, u.kernelNanos() / 1e6,
                    u.solveNanos() / 1e6, u.stepNanos() / 1e6, u.lineSearchNanos() / 1e6, u.effectNanos() / 1e6, u.tdClosed(), u.bootOverDq(), u.heldPairs());
        }
        return u;
    }

    /** First occurrences, then every 100th. */
    static boolean rateLimited(long count) {
        return count <= 3 || count % 100 == 0;
    }

    long updates() {
        return updates;
    }

    long skippedUpdates() {
        return skippedUpdates;
    }

    long lineSearchFailures() {
        return lineSearchFailures;
    }

    long solveFailures() {
        return solveFailures;
    }

    /** The latest update's telemetry, null before the first. */
    PreQNUpdate lastUpdate() {
        return lastUpdate;
    }
}
