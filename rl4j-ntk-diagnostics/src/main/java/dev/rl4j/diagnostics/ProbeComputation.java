package dev.rl4j.diagnostics;

import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.NextStateKernel;
import dev.rl4j.ntk.Finite;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures one probe batch on a Q-network without changing it: reads parameters, runs inference-mode forward passes
 * and the NTK engine (which never writes the network), and restores the network's input and labels fields, which
 * some DL4J forward calls overwrite.
 */
final class ProbeComputation {

    /** Everything a probe needs besides the network and the batch; startNanos is when the probe began (sampling included). */
    record Context(long update, long step, long episode, double gamma, double alpha, AlphaSource alphaSource,
            double linearisationCos, double rMax, double dormantTau, long startNanos, double preconditionerDamping) {
    }

    private ProbeComputation() {
    }

    static ProbeMeasurement measure(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch, Context c) {
        INDArray savedInput = net.getInput();
        INDArray savedLabels = net.getLabels();
        try {
            return compute(net, ntk, batch, c, c.startNanos());
        } finally {
            net.setInput(savedInput);
            net.setLabels(savedLabels);
        }
    }

    private static ProbeMeasurement compute(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch,
            Context c, long t0) {
        int n = batch.size();
        double[][] s = new double[n][];
        double[][] sNext = new double[n][];
        int[] actions = new int[n];
        boolean[] terminal = new boolean[n];
        for (int i = 0; i < n; i++) {
            Transition t = batch.get(i);
            s[i] = t.state();
            sNext[i] = t.next();
            actions[i] = t.action();
            terminal[i] = t.terminal();
        }
        DataType dt = net.params().dataType();
        INDArray states = Nd4j.create(s).castTo(dt);
        INDArray nextStates = Nd4j.create(sNext).castTo(dt);

        boolean nonFiniteParams = !Finite.all(net.params());
        double[][] q = net.output(states, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] qNext = net.output(nextStates, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        ProbeMeasurement.Health health = new ProbeMeasurement.Health(nonFiniteParams,
                !Finite.all(q) || !Finite.all(qNext));
        double maxAbsQ = 0;
        for (double[] row : q) {
            for (double v : row) {
                maxAbsQ = Math.max(maxAbsQ, Math.abs(v));
            }
        }
        double softBound = c.rMax() > 0 ? c.rMax() / (1 - c.gamma()) : Double.NaN;
        StabilityMetrics kernel = null;
        ProbeMeasurement.Features features = ProbeMeasurement.Features.unmeasured();
        if (!health.nonFinite()) {
            if (Double.isFinite(c.alpha()) && c.alpha() > 0) {
                kernel = kernelMetrics(ntk, states, actions, nextStates, qNext, terminal, c);
            }
            features = features(net, states, nextStates, terminal, c.dormantTau());
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        return new ProbeMeasurement(c.update(), c.step(), c.episode(), n, millis,
                new ProbeMeasurement.StepSize(c.alphaSource(), c.alpha(), c.linearisationCos()), c.gamma(), kernel,
                new ProbeMeasurement.QValues(maxAbsQ, c.rMax(), softBound), features, health);
    }

    /** srank, width, dormant fraction and co-adaptation of the penultimate features. */
    private static ProbeMeasurement.Features features(MultiLayerNetwork net, INDArray states, INDArray nextStates,
            boolean[] terminal, double dormantTau) {
        int layers = net.getnLayers();
        List<INDArray> acts = layers > 1 ? net.feedForwardToLayer(layers - 2, states, false) : List.of(states);
        double[][] phi = acts.get(acts.size() - 1).castTo(DataType.DOUBLE).toDoubleMatrix();
        double srank = srank(phi);
        double dormant = layers > 1 ? dormantFraction(acts.subList(1, acts.size()), dormantTau) : Double.NaN;
        List<INDArray> actsNext = layers > 1 ? net.feedForwardToLayer(layers - 2, nextStates, false)
                : List.of(nextStates);
        double[][] phiNext = actsNext.get(actsNext.size() - 1).castTo(DataType.DOUBLE).toDoubleMatrix();
        return new ProbeMeasurement.Features(srank, phi[0].length, dormant, coAdaptation(phi, phiNext, terminal));
    }

    /** The kernel's metrics, or null when K has a zero diagonal entry or the preconditioner cannot be factored. */
    private static StabilityMetrics kernelMetrics(EmpiricalNtk ntk, INDArray states, int[] actions,
            INDArray nextStates, double[][] qNext, boolean[] terminal, Context c) {
        int n = actions.length;
        double[][] k = ntk.gram(states, actions);
        for (int i = 0; i < n; i++) {
            if (!(k[i][i] > 0)) { // a zero gradient (e.g. a dead ReLU net) has no row ratio
                return null;
            }
        }
        double[][] kNext = NextStateKernel.of(ntk, states, actions, nextStates, qNext, terminal);
        if (Double.isNaN(c.preconditionerDamping())) {
            return StabilityMetrics.of(k, kNext, c.gamma(), c.alpha());
        }
        try { // PreQN (eq. 21): the preconditioned kernel moves the Q-values
            return StabilityMetrics.ofPreconditioned(k, kNext, c.preconditionerDamping(), c.gamma(), c.alpha());
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** srank_0.01 (Kumar et al. 2021): min k with sum_{i<=k} sigma_i / sum_i sigma_i >= 0.99. */
    static double srank(double[][] phi) {
        int n = phi.length;
        int d = phi[0].length;
        // singular values of Phi from the eigenvalues of the smaller Gram matrix (Phi^T Phi or Phi Phi^T)
        boolean cols = d <= n;
        int m = cols ? d : n;
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                double sum = 0;
                if (cols) {
                    for (int r = 0; r < n; r++) {
                        sum += phi[r][i] * phi[r][j];
                    }
                } else {
                    for (int r = 0; r < d; r++) {
                        sum += phi[i][r] * phi[j][r];
                    }
                }
                g[i][j] = sum;
                g[j][i] = sum;
            }
        }
        double[] eig = StabilityMetrics.symmetricEigenvalues(g);
        double[] sigma = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            sigma[i] = Math.sqrt(Math.max(0, eig[i]));
            total += sigma[i];
        }
        if (total == 0) {
            return 0;
        }
        Arrays.sort(sigma);
        double acc = 0;
        for (int k = 1; k <= m; k++) {
            acc += sigma[m - k];
            if (acc / total >= 0.99) {
                return k;
            }
        }
        return m;
    }

    /** Dormant units (Sokar et al. 2023): score_u = mean|h_u| / mean over the layer; dormant if score <= tau. */
    static double dormantFraction(List<INDArray> hiddenActivations, double tau) {
        int units = 0;
        int dormant = 0;
        for (INDArray h : hiddenActivations) {
            double[][] a = h.castTo(DataType.DOUBLE).toDoubleMatrix();
            int w = a[0].length;
            double[] meanAbs = new double[w];
            double layerMean = 0;
            for (int u = 0; u < w; u++) {
                for (double[] row : a) {
                    meanAbs[u] += Math.abs(row[u]) / a.length;
                }
                layerMean += meanAbs[u] / w;
            }
            for (int u = 0; u < w; u++) {
                double score = layerMean > 0 ? meanAbs[u] / layerMean : 0.0;
                dormant += score <= tau ? 1 : 0;
            }
            units += w;
        }
        return units == 0 ? Double.NaN : (double) dormant / units;
    }

    /** DR3 co-adaptation: mean over non-terminal transitions of phi(s) . phi(s'). */
    static double coAdaptation(double[][] phi, double[][] phiNext, boolean[] terminal) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < phi.length; i++) {
            if (terminal[i]) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < phi[i].length; j++) {
                dot += phi[i][j] * phiNext[i][j];
            }
            sum += dot;
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
