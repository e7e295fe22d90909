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
     */
    record TdErrors(double[][] q, double[] delta, PreQNUpdate.TdError summary, String nonFinite) {
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
        String nonFinite = fill(b, q, qNextOnline, delta);
        if (nonFinite != null) {
            return new TdErrors(q, delta, PreQNUpdate.TdError.UNKNOWN, nonFinite);
        }
        double meanAbs = 0;
        double maxAbs = 0;
        for (double d : delta) {
            meanAbs += Math.abs(d) / n;
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        return new TdErrors(q, delta, new PreQNUpdate.TdError(meanAbs, maxAbs), null);
    }

    /** Fills delta; returns a description of the first non-finite input, or null when all are finite. */
    private String fill(Minibatch b, double[][] q, double[][] qNextOnline, double[] delta) {
        int n = delta.length;
        double[][] qNext = !b.anyBootstrap() ? null : target == null ? qNextOnline : target.q(b.nextStates());
        int[] actions = b.actions();
        double[] rewards = b.rewards();
        for (int i = 0; i < n; i++) {
            double qsa = q[i][actions[i]];
            if (!Double.isFinite(rewards[i]) || !Double.isFinite(qsa)) {
                return "transition " + i + ": reward=" + rewards[i] + " Q(s,a)=" + qsa;
            }
            double y = rewards[i];
            if (!b.terminal()[i]) {
                double bootstrap;
                if (doubleQ) {   // Q_target(s', argmax_a Q_online(s', a))
                    bootstrap = qNext[i][argMax(qNextOnline[i])];
                } else {         // max_a' Q(s', a') from the target (or online) network
                    bootstrap = qNext[i][argMax(qNext[i])];
                }
                if (!Finite.all(qNext[i]) || (qNextOnline != null && !Finite.all(qNextOnline[i]))) {
                    return "transition " + i + ": Q(s',.)=" + Arrays.toString(qNext[i]);
                }
                y += gamma * bootstrap;
            }
            double d = y - qsa;
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
