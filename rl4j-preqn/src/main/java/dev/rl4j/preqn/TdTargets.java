package dev.rl4j.preqn;

import dev.rl4j.ntk.Finite;
import java.util.Arrays;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The TD targets of a minibatch (Achiam et al. 2019, eq. 5; docs/math.md#q-update): y_i = r_i + gamma max_a' Q(s'_i, a'),
 * no bootstrap at terminals, from the online network, a target network, or double-Q
 * (Q_target(s', argmax_a Q_online(s', a))); delta_i = y_i - Q(s_i, a_i), clamped to +-errorClamp when set.
 */
final class TdTargets {

    /**
     * The TD errors of one minibatch.
     *
     * @param q         Q(s_i, .) of the online network, N x A
     * @param delta     delta_i, N entries (incomplete when {@code nonFinite} is set)
     * @param summary   mean and max |delta_i|; {@link PreQNUpdate.TdError#UNKNOWN} when {@code nonFinite} is set
     * @param nonFinite description of the first non-finite reward or Q-value, null when all are finite
     * @param rawDelta  delta_i before clamping (telemetry: {@link #closedAfterStep})
     * @param bootstrap gamma * bootstrap value of transition i, 0 at terminals
     * @param bootstrapActions a*_i, the action whose Q(s'_i, .) the target uses (argmax of the network that picks
     *                  it), -1 at terminals
     * @param qNextTarget Q(s', .) of the target network (null without one): reused after the step, which does not
     *                  move it
     */
    record TdErrors(double[][] q, double[] delta, PreQNUpdate.TdError summary, String nonFinite, double[] rawDelta,
            double[] bootstrap, int[] bootstrapActions, double[][] qNextTarget) {
        /** True when delta is exactly zero: nothing to move. */
        boolean zero() {
            return summary.maxAbs() == 0.0;
        }
    }

    private final BoundNetwork online;
    private final BoundNetwork target;   // null: bootstrap from the online network
    private final boolean doubleQ;
    private final double gamma;
    private final double errorClamp;     // NaN: no clamping (RL4J convention)

    TdTargets(BoundNetwork online, BoundNetwork target, boolean doubleQ, double gamma, double errorClamp) {
        this.online = online;
        this.target = target;
        this.doubleQ = doubleQ;
        this.gamma = gamma;
        this.errorClamp = errorClamp;
    }

    /** Q(s, .), the targets and delta; one forward pass of the online network over [s; s'] when it bootstraps. */
    TdErrors of(Minibatch b) {
        int n = b.size();
        boolean onlineNext = b.anyBootstrap() && (target == null || doubleQ);
        double[][] qBoth = online.q(onlineNext ? Nd4j.concat(0, b.states(), b.nextStates()) : b.states());
        double[][] q = onlineNext ? Arrays.copyOfRange(qBoth, 0, n) : qBoth;
        double[][] qNextOnline = onlineNext ? Arrays.copyOfRange(qBoth, n, 2 * n) : null;
        double[] delta = new double[n];
        double[] raw = new double[n];
        double[] boot = new double[n];
        int[] star = new int[n];
        double[][] qNextTarget = b.anyBootstrap() && target != null ? target.q(b.nextStates()) : null;
        String nonFinite = fill(b, q, qNextOnline, qNextTarget, delta, raw, boot, star);
        if (nonFinite != null) {
            return new TdErrors(q, delta, PreQNUpdate.TdError.UNKNOWN, nonFinite, raw, boot, star, qNextTarget);
        }
        double meanAbs = 0;
        double maxAbs = 0;
        for (double d : delta) {
            meanAbs += Math.abs(d) / n;
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        return new TdErrors(q, delta, new PreQNUpdate.TdError(meanAbs, maxAbs), null, raw, boot, star, qNextTarget);
    }

    /**
     * How the accepted step moved the batch's TD errors (docs/math.md#preqn-telemetry). Q(s, .) of the stepped network
     * is the line search's last trial (same parameters, no second pass); Q(s', .) needs one forward pass of the stepped
     * online network over s' only when the online network picks or gives the bootstrap (the target network did not
     * move and is not evaluated again).
     *
     * @param before the TD errors before the step
     * @param qAfter Q(s_i, .) of the online network after the step, N x A
     * @return {tdClosed, bootOverDq}: sum_i (d_i - d'_i) d_i / sum_i d_i^2 on the unclamped delta, and
     *         sum_i dB_i dQ_i / sum_i dQ_i^2 over non-terminal i (dB_i the change of gamma * bootstrap_i, dQ_i of
     *         Q(s_i, a_i)); NaN where undefined (zero denominator, non-finite Q)
     */
    double[] closedAfterStep(Minibatch b, TdErrors before, double[][] qAfter) {
        int n = b.size();
        boolean onlineNext = b.anyBootstrap() && (target == null || doubleQ);
        double[][] qNextAfter = onlineNext ? online.q(b.nextStates()) : null;
        int[] actions = b.actions();
        double num = 0;
        double den = 0;
        double cross = 0;
        double dqSq = 0;
        for (int i = 0; i < n; i++) {
            double dq = qAfter[i][actions[i]] - before.q()[i][actions[i]];
            double dBoot = 0;
            if (!b.terminal()[i]) {
                double[] next = onlineNext ? qNextAfter[i] : null;
                double bootAfter;   // gamma * the bootstrap value after the step
                if (target == null) {
                    bootAfter = gamma * next[argMax(next)];
                } else if (doubleQ) {
                    bootAfter = gamma * before.qNextTarget()[i][argMax(next)];
                } else {
                    bootAfter = before.bootstrap()[i];   // the target network did not move
                }
                dBoot = bootAfter - before.bootstrap()[i];
                cross += dBoot * dq;
                dqSq += dq * dq;
            }
            double d = before.rawDelta()[i];
            double after = d + dBoot - dq;
            num += (d - after) * d;
            den += d * d;
        }
        double closed = den > 0 && Double.isFinite(num) ? num / den : Double.NaN;
        double ratio = dqSq > 0 && Double.isFinite(cross) ? cross / dqSq : Double.NaN;
        return new double[] {closed, ratio};
    }

    /** Fills delta; returns a description of the first non-finite input, or null when all are finite. */
    private String fill(Minibatch b, double[][] q, double[][] qNextOnline, double[][] qNextTarget, double[] delta,
            double[] raw, double[] boot, int[] star) {
        int n = delta.length;
        double[][] qNext = !b.anyBootstrap() ? null : target == null ? qNextOnline : qNextTarget;
        int[] actions = b.actions();
        double[] rewards = b.rewards();
        for (int i = 0; i < n; i++) {
            double qsa = q[i][actions[i]];
            if (!Double.isFinite(rewards[i]) || !Double.isFinite(qsa)) {
                return "transition " + i + ": reward=" + rewards[i] + " Q(s,a)=" + qsa;
            }
            double y = rewards[i];
            star[i] = -1;
            if (!b.terminal()[i]) {
                // double-Q: Q_target(s', argmax_a Q_online(s', a)); else max_a' Q(s', a') of the target (or online) net
                star[i] = doubleQ ? argMax(qNextOnline[i]) : argMax(qNext[i]);
                double bootstrap = qNext[i][star[i]];
                if (!Finite.all(qNext[i]) || (qNextOnline != null && !Finite.all(qNextOnline[i]))) {
                    return "transition " + i + ": Q(s',.)=" + Arrays.toString(qNext[i]);
                }
                boot[i] = gamma * bootstrap;
                y += boot[i];
            }
            double d = y - qsa;
            raw[i] = d;
            if (!Double.isNaN(errorClamp)) {
                d = Math.max(-errorClamp, Math.min(errorClamp, d));
            }
            delta[i] = d;
        }
        return null;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
