package dev.rl4j.diagnostics;

import dev.rl4j.ntk.DoubleRows;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasLower;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dsyrk;

import dev.rl4j.ntk.DampedKernel;
import dev.rl4j.ntk.EigenvalueMethod;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.Finite;
import dev.rl4j.ntk.KernelSpectrum;
import dev.rl4j.ntk.NextStateKernel;
import dev.rl4j.ntk.Seem;
import dev.rl4j.ntk.StabilityMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures one probe batch on a Q-network without changing it: reads parameters, runs inference-mode forward passes
 * and the NTK engine (which never writes the network), and restores the network's input and labels fields, which
 * some DL4J forward calls overwrite. Every pass runs once: one forward pass per input (s and s') gives Q and the
 * features, one kernel pass over X gives K and is reused for K(X*, X), and the eigenvalue work finds only the
 * eigenvalues the metrics need (docs/math.md#eigenvalues). On a dense stack those forward passes are the kernel
 * engine's own, in double ({@link EmpiricalNtk#forwardTransitions}): the kernel then runs only its backward halves,
 * after the health check; Q and the features equal the network's float forward pass up to float round-off. Any other
 * network is read through DL4J's {@code feedForward} (the per-sample path). Each stage's time goes to a
 * {@link ProbeStages}.
 */
final class ProbeComputation {

    /** Everything a probe needs besides the network and the batch; startNanos is when the probe began (sampling included). */
    record Context(long update, long step, long episode, double gamma, double alpha, AlphaSource alphaSource,
            double linearisationCos, double rMax, double dormantTau, long startNanos, double preconditionerDamping) {
    }

    private ProbeComputation() {
    }

    static ProbeMeasurement measure(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch, Context c) {
        return measure(net, ntk, batch, c, EigenvalueMethod.KRYLOV, new ProbeStages());
    }

    /**
     * One probe with the eigenvalues found by {@code method} (the listener uses {@link EigenvalueMethod#KRYLOV}),
     * each stage's wall time added to {@code stages}.
     */
    static ProbeMeasurement measure(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch, Context c,
            EigenvalueMethod method, ProbeStages stages) {
        INDArray savedInput = net.getInput();
        INDArray savedLabels = net.getLabels();
        try {
            return compute(net, ntk, batch, c, method, stages);
        } finally {
            net.setInput(savedInput);
            net.setLabels(savedLabels);
        }
    }

    private static ProbeMeasurement compute(MultiLayerNetwork net, EmpiricalNtk ntk, List<Transition> batch,
            Context c, EigenvalueMethod method, ProbeStages stages) {
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
        stages.lap(ProbeStages.Stage.INPUTS);

        // one forward pass per input gives Q (the output layer) and the features (the layers below)
        ForwardPasses forward = ForwardPasses.of(net, ntk, states, nextStates);
        double[][] q = forward.q();
        double[][] qNext = forward.qNext();
        ProbeMeasurement.Health health = new ProbeMeasurement.Health(nonFiniteParams,
                !Finite.all(q) || !Finite.all(qNext));
        double maxAbsQ = 0;
        for (double[] row : q) {
            for (double v : row) {
                maxAbsQ = Math.max(maxAbsQ, Math.abs(v));
            }
        }
        double softBound = c.rMax() > 0 ? c.rMax() / (1 - c.gamma()) : Double.NaN;
        stages.lap(ProbeStages.Stage.Q_VALUES);
        StabilityMetrics kernel = null;
        ProbeMeasurement.Features features = ProbeMeasurement.Features.unmeasured();
        if (!health.nonFinite()) { // nothing non-finite reaches the kernel
            if (Double.isFinite(c.alpha()) && c.alpha() > 0) {
                kernel = kernelMetrics(forward, actions, qNext, terminal, c, method, stages);
            }
            features = features(forward, terminal, c.dormantTau());
            stages.lap(ProbeStages.Stage.FEATURES);
        }
        double millis = (System.nanoTime() - c.startNanos()) / 1e6;
        return new ProbeMeasurement(c.update(), c.step(), c.episode(), n, millis,
                new ProbeMeasurement.StepSize(c.alphaSource(), c.alpha(), c.linearisationCos()), c.gamma(), kernel,
                new ProbeMeasurement.QValues(maxAbsQ, c.rMax(), softBound), features, health);
    }

    /**
     * The one forward pass per input (s_i and s'_i) a probe runs, and the kernel pass over X that completes it: Q,
     * the hidden layers' outputs, K(X, X) and K(X*, X).
     */
    private sealed interface ForwardPasses {

        /** The kernel engine's double passes when it has them (a dense stack), DL4J's feedForward otherwise. */
        static ForwardPasses of(MultiLayerNetwork net, EmpiricalNtk ntk, INDArray states, INDArray nextStates) {
            Optional<EmpiricalNtk.TransitionPasses> passes = ntk.forwardTransitions(states, nextStates);
            if (passes.isPresent()) {
                return new KernelEngine(passes.get(), states, nextStates);
            }
            return new Network(ntk, states, nextStates, net.feedForward(states, false),
                    net.feedForward(nextStates, false));
        }

        /** Q(s_i, .), a new N x actions matrix. */
        double[][] q();

        /** Q(s'_i, .), a new N x actions matrix. */
        double[][] qNext();

        /** The outputs of the hidden layers for s_i, first to last; empty for a network without hidden layer. */
        List<double[][]> hidden();

        /** phi(s_i): the last hidden layer's output, or the input itself for a network without hidden layer. */
        double[][] penultimate();

        /** phi(s'_i), as {@link #penultimate()}. */
        double[][] penultimateNext();

        /** X = (s_i, actions_i) prepared for K(X, X); once. */
        EmpiricalNtk.Prepared prepare(int[] actions);

        /** K(X*, X) by {@link NextStateKernel}'s rule, after {@link #prepare}. */
        double[][] nextStateKernel(EmpiricalNtk.Prepared x, double[][] qNext, boolean[] terminal);

        /** The engine's passes: Q in double, and the kernel runs only its backward halves. */
        record KernelEngine(EmpiricalNtk.TransitionPasses passes, INDArray states, INDArray nextStates)
                implements ForwardPasses {
            @Override
            public double[][] q() {
                return passes.q();
            }

            @Override
            public double[][] qNext() {
                return passes.qNext();
            }

            @Override
            public List<double[][]> hidden() {
                List<double[][]> out = new ArrayList<>();
                for (int h = 0; h < passes.hiddenLayers(); h++) {
                    out.add(passes.hidden(h));
                }
                return out;
            }

            @Override
            public double[][] penultimate() {
                int h = passes.hiddenLayers();
                return h > 0 ? passes.hidden(h - 1) : DoubleRows.of(states);
            }

            @Override
            public double[][] penultimateNext() {
                int h = passes.hiddenLayers();
                return h > 0 ? passes.hiddenNext(h - 1) : DoubleRows.of(nextStates);
            }

            @Override
            public EmpiricalNtk.Prepared prepare(int[] actions) {
                return passes.prepare(actions);
            }

            @Override
            public double[][] nextStateKernel(EmpiricalNtk.Prepared x, double[][] qNext, boolean[] terminal) {
                return NextStateKernel.of(passes, qNext, terminal);
            }
        }

        /**
         * DL4J's inference-mode feedForward of each input (float when the network is), activations index 0 the
         * input and l + 1 layer l's output; the kernel then runs its own passes.
         */
        record Network(EmpiricalNtk ntk, INDArray states, INDArray nextStates, List<INDArray> acts,
                List<INDArray> actsNext) implements ForwardPasses {
            @Override
            public double[][] q() {
                return DoubleRows.of(acts.get(acts.size() - 1));
            }

            @Override
            public double[][] qNext() {
                return DoubleRows.of(actsNext.get(actsNext.size() - 1));
            }

            @Override
            public List<double[][]> hidden() {
                List<double[][]> out = new ArrayList<>();
                for (INDArray h : acts.subList(1, acts.size() - 1)) {
                    out.add(DoubleRows.of(h));
                }
                return out;
            }

            @Override
            public double[][] penultimate() {
                return DoubleRows.of(acts.get(Math.max(acts.size() - 2, 0)));
            }

            @Override
            public double[][] penultimateNext() {
                return DoubleRows.of(actsNext.get(Math.max(actsNext.size() - 2, 0)));
            }

            @Override
            public EmpiricalNtk.Prepared prepare(int[] actions) {
                return ntk.prepare(states, actions); // one pass over X serves K and K(X*, X)
            }

            @Override
            public double[][] nextStateKernel(EmpiricalNtk.Prepared x, double[][] qNext, boolean[] terminal) {
                return NextStateKernel.of(x, nextStates, qNext, terminal);
            }
        }
    }

    /** srank, width, dormant fraction and co-adaptation of the penultimate features phi. */
    private static ProbeMeasurement.Features features(ForwardPasses forward, boolean[] terminal, double dormantTau) {
        List<double[][]> hidden = forward.hidden();
        double[][] phi = hidden.isEmpty() ? forward.penultimate() : hidden.get(hidden.size() - 1);
        double srank = srank(phi);
        double dormant = hidden.isEmpty() ? Double.NaN : dormantFraction(hidden, dormantTau);
        return new ProbeMeasurement.Features(srank, phi[0].length, dormant,
                coAdaptation(phi, forward.penultimateNext(), terminal));
    }

    /** The kernel's metrics, or null when K has a zero diagonal entry or the preconditioner cannot be factored. */
    private static StabilityMetrics kernelMetrics(ForwardPasses forward, int[] actions, double[][] qNext,
            boolean[] terminal, Context c, EigenvalueMethod method, ProbeStages stages) {
        int n = actions.length;
        EmpiricalNtk.Prepared x = forward.prepare(actions); // one pass over X serves K and K(X*, X)
        double[][] k = x.gram();
        stages.lap(ProbeStages.Stage.KERNEL);
        for (int i = 0; i < n; i++) {
            if (!(k[i][i] > 0)) { // a zero gradient (e.g. a dead ReLU net) has no row ratio
                return null;
            }
        }
        double[][] kNext = forward.nextStateKernel(x, qNext, terminal);
        stages.lap(ProbeStages.Stage.CROSS_KERNEL);
        if (!Double.isNaN(c.preconditionerDamping())) {
            try { // PreQN (eq. 21): the preconditioned kernel moves the Q-values
                DampedKernel damped = DampedKernel.of(k, c.preconditionerDamping());
                double[][] kPre = damped.preconditioned(k);
                kNext = damped.preconditioned(kNext);
                k = kPre;
            } catch (ArithmeticException e) {
                return null;
            }
            stages.lap(ProbeStages.Stage.PRECONDITION);
            for (int i = 0; i < n; i++) {
                if (!(k[i][i] > 0)) {
                    throw new IllegalArgumentException("K_pre[" + i + "][" + i + "] must be > 0, got " + k[i][i]);
                }
            }
        }
        boolean preconditioned = !Double.isNaN(c.preconditionerDamping());
        KernelSpectrum spectrum = KernelSpectrum.of(k, preconditioned ? KernelSpectrum.PRECONDITIONED_METHOD : method);
        stages.lap(ProbeStages.Stage.KERNEL_EIGENVALUES);
        Seem seem = Seem.of(k, kNext, c.gamma(), method);
        stages.lap(ProbeStages.Stage.SEEM);
        StabilityMetrics metrics = StabilityMetrics.assemble(k, spectrum, seem, c.gamma(), c.alpha());
        stages.lap(ProbeStages.Stage.ROW_SUMS);
        return metrics;
    }

    /** srank_0.01 (Kumar et al. 2021): min k with sum_{i<=k} sigma_i / sum_i sigma_i >= 0.99. */
    static double srank(double[][] phi) {
        int n = phi.length;
        int d = phi[0].length;
        // singular values of Phi from the eigenvalues of the smaller Gram matrix (Phi^T Phi or Phi Phi^T), one dsyrk
        boolean cols = d <= n;
        int m = cols ? d : n;
        double[] flat = new double[n * d];
        for (int r = 0; r < n; r++) {
            System.arraycopy(phi[r], 0, flat, r * d, d);
        }
        double[] lower = new double[m * m];
        cblas_dsyrk(CblasRowMajor, CblasLower, cols ? CblasTrans : CblasNoTrans, m, cols ? n : d, 1.0, flat, d, 0.0,
                lower, m);
        double[][] g = new double[m][m];
        for (int i = 0; i < m; i++) { // the eigen-solver reads the lower triangle
            System.arraycopy(lower, i * m, g[i], 0, i + 1);
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
    static double dormantFraction(List<double[][]> hiddenActivations, double tau) {
        int units = 0;
        int dormant = 0;
        for (double[][] a : hiddenActivations) {
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
