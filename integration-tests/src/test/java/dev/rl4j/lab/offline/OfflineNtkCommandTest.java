package dev.rl4j.lab.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.diagnostics.FindingRules;
import dev.rl4j.lab.LabOptions;
import dev.rl4j.lab.LabRun;
import dev.rl4j.lab.NetSpec;
import dev.rl4j.ntk.EmpiricalNtk;
import dev.rl4j.ntk.StabilityMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OfflineNtkCommandTest {

    private static final double[][] S = {
        {0.01, -0.02, 0.03, 0.04}, {0.5, 0.1, -0.05, -0.2}, {-0.3, 0.2, 0.1, 0.0},
        {1.0, -1.0, 0.15, 0.3}, {0.2, 0.2, -0.1, 0.1}, {-0.7, 0.4, 0.02, -0.5}};
    private static final int[] A = {0, 1, 1, 0, 0, 1};
    private static final double[][] NEXT = {
        {0.02, -0.01, 0.02, 0.05}, {0.4, 0.2, -0.06, -0.1}, {-0.2, 0.1, 0.12, 0.1},
        null, {0.25, 0.1, -0.12, 0.2}, {-0.6, 0.3, 0.0, -0.4}};
    private static final boolean[] DONE = {false, false, false, true, false, false};

    @TempDir
    Path dir;

    MultiLayerNetwork net;
    Path model;

    @BeforeEach
    void saveNetwork() throws IOException {
        net = NetSpec.parse("4-16-16-2").build(3, DataType.DOUBLE, LabOptions.activation("tanh"));
        model = dir.resolve("q.zip");
        ModelSerializer.writeModel(net, model.toFile(), false);
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path stateOnlyCsv() throws IOException {
        StringBuilder sb = new StringBuilder("a,s0,s1,s2,s3\n");
        for (int i = 0; i < S.length; i++) {
            sb.append(A[i]);
            for (double v : S[i]) {
                sb.append(',').append(v);
            }
            sb.append('\n');
        }
        return csv("batch.csv", sb.toString());
    }

    private Path transitionCsv() throws IOException {
        StringBuilder sb = new StringBuilder("# a comment line\ns0,s1,s2,s3,a,r,done,s'0,s'1,s'2,s'3\n");
        for (int i = 0; i < S.length; i++) {
            for (double v : S[i]) {
                sb.append(v).append(',');
            }
            sb.append(A[i]).append(",1.0,").append(DONE[i] ? "1" : "0");
            for (int k = 0; k < 4; k++) {
                sb.append(',').append(NEXT[i] == null ? "" : Double.toString(NEXT[i][k]));
            }
            sb.append('\n');
        }
        return csv("transitions.csv", sb.toString());
    }

    private INDArray states() {
        return Nd4j.createFromArray(S);
    }

    @Test
    void jsonNumbersEqualEmpiricalNtkAndStabilityMetricsComputedDirectly() throws IOException {
        LabRun run = LabRun.of("ntk", "--model", model.toString(), "--batch", stateOnlyCsv().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        StabilityMetrics m = StabilityMetrics.of(EmpiricalNtk.of(net).gram(states(), A), 0.99, 1.0);
        JsonNode j = run.json();
        assertThat(j.get("pairs").asInt()).isEqualTo(6);
        assertThat(j.get("method").asText()).isEqualTo("structured");
        double tol = 1e-12; // same computation on the restored (bit-identical) parameters
        assertThat(j.get("diag_mean").asDouble()).isCloseTo(m.diagMean(), within(tol * m.diagMean()));
        assertThat(j.get("row_ratio_mean").asDouble()).isCloseTo(m.rowRatioMean(), within(tol));
        assertThat(j.get("row_ratio_max").asDouble()).isCloseTo(m.rowRatioMax(), within(tol));
        assertThat(j.get("beta").asDouble()).isCloseTo(m.beta(), within(tol));
        assertThat(j.get("fraction17").asDouble()).isEqualTo(m.fraction17());
        assertThat(j.get("eig_max").asDouble()).isCloseTo(m.eigMax(), within(tol * m.eigMax()));
        assertThat(j.get("gamma").asDouble()).isEqualTo(0.99);
        assertThat(j.get("alpha").asDouble()).isEqualTo(1.0);
        assertThat(j.get("seem").isNull()).isTrue();
        assertThat(j.get("next_states").asBoolean()).isFalse();
    }

    @Test
    void seemUsesGreedyNextPairsAndZeroRowsForDonePairs() throws IOException {
        LabRun run = LabRun.of("ntk", "--model", model.toString(), "--batch", transitionCsv().toString(),
                "--gamma", "0.9", "--alpha", "0.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        EmpiricalNtk ntk = EmpiricalNtk.of(net);
        double[][] k = ntk.gram(states(), A);
        double[][] live = {NEXT[0], NEXT[1], NEXT[2], NEXT[4], NEXT[5]};
        INDArray xNext = Nd4j.createFromArray(live);
        int[] greedy = net.output(xNext, false).argMax(1).toIntVector();
        double[][] cross = ntk.cross(xNext, greedy, states(), A);
        double[][] kNext = {cross[0], cross[1], cross[2], new double[6], cross[3], cross[4]};
        StabilityMetrics m = StabilityMetrics.of(k, kNext, 0.9, 0.5);
        JsonNode j = run.json();
        assertThat(j.get("done_rows").asInt()).isEqualTo(1);
        assertThat(j.get("seem").asDouble()).isCloseTo(m.seem(), within(1e-10 * Math.abs(m.seem())));
        assertThat(j.get("seem_normalized").asDouble()).isCloseTo(m.seemNormalized(), within(1e-10));
        assertThat(j.get("beta").asDouble()).isCloseTo(m.beta(), within(1e-12));
        assertThat(j.get("gamma").asDouble()).isEqualTo(0.9);
        assertThat(j.get("settings").get("gamma").asDouble()).isEqualTo(0.9);
        assertThat(j.get("provenance").get("rl4j_version").asText()).isEqualTo("1.0.0-M1.1");
        assertThat(j.get("provenance").get("settings").get("gamma").asDouble()).isEqualTo(0.9);
    }

    @Test
    void findingsAreThoseOfTheStrictOfflineRules() throws IOException {
        LabRun run = LabRun.of("ntk", "--model", model.toString(), "--batch", stateOnlyCsv().toString());

        StabilityMetrics m = StabilityMetrics.of(EmpiricalNtk.of(net).gram(states(), A), 0.99, 1.0);
        List<String> expected = FindingRules.offlineStrict().evaluate(m).stream().map(f -> f.kind().name()).toList();
        List<String> reported = new ArrayList<>();
        run.json().get("findings").forEach(n -> reported.add(n.asText()));
        assertThat(reported).isEqualTo(expected);
        assertThat(expected).contains(FindingKind.OVER_GENERALIZATION.name()); // eq. 17 with gamma 0.99 is strict
        assertThat(run.err()).contains("OVER_GENERALIZATION: ");
    }

    @Test
    void summaryOnStderrNamesEveryStatistic() throws IOException {
        LabRun run = LabRun.of("ntk", "--model", model.toString(), "--batch", transitionCsv().toString());

        assertThat(run.err()).contains("6 pairs", "method STRUCTURED", "diag K_ii", "row ratio R_i", "eq. 16",
                "eq. 17", "beta", "cond(K)", "SEEM", "findings");
        assertThat(run.out().strip().lines()).hasSize(1);
    }

    @Test
    void anRl4jLegacyDqnZipIsAccepted() throws IOException {
        Path dqn = dir.resolve("dqn.zip");
        new DQN(net).save(dqn.toString());

        LabRun run = LabRun.of("ntk", "--model", dqn.toString(), "--batch", stateOnlyCsv().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("params").asLong()).isEqualTo(net.numParams());
    }

    // ---- bad input: exit 2, one clear message, no stack trace

    private static void assertRejected(LabRun r, String... fragments) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(fragments).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingModelFileIsRejected() throws IOException {
        assertRejected(LabRun.of("ntk", "--model", dir.resolve("nope.zip").toString(), "--batch",
                stateOnlyCsv().toString()), "--model file not found", "nope.zip");
    }

    @Test
    void aModelThatIsNotAZipIsRejected() throws IOException {
        Path bad = csv("bad.zip", "not a zip");
        assertRejected(LabRun.of("ntk", "--model", bad.toString(), "--batch", stateOnlyCsv().toString()),
                "is not a DL4J MultiLayerNetwork zip");
    }

    @Test
    void missingBatchFileIsRejected() {
        assertRejected(LabRun.of("ntk", "--model", model.toString(), "--batch", dir.resolve("no.csv").toString()),
                "--batch file not found", "no.csv");
    }

    private static Arguments badBatch(String what, String csvText, String... fragments) {
        return arguments(what, csvText, fragments);
    }

    static Stream<Arguments> badBatches() {
        return Stream.of(
                badBatch("a non-numeric cell is rejected with line and column",
                        "a,s0,s1,s2,s3\n0,0.1,0.2,0.3,0.4\n1,0.1,abc,0.3,0.4\n",
                        "line 3, column 's1': 'abc' is not a number"),
                badBatch("a row with the wrong number of fields is rejected with its line",
                        "a,s0,s1,s2,s3\n0,0.1,0.2,0.3\n",
                        "line 2: expected 5 fields as in the header, got 4"),
                badBatch("an unknown column is rejected naming it",
                        "a,s0,s1,s2,S3\n0,0.1,0.2,0.3,0.4\n",
                        "line 1: unknown column 'S3'"),
                badBatch("a missing action column is rejected",
                        "s0,s1,s2,s3\n0.1,0.2,0.3,0.4\n",
                        "missing column 'a'"),
                badBatch("a state width that does not match the network is rejected",
                        "a,s0,s1,s2\n0,0.1,0.2,0.3\n",
                        "the batch has 3 state columns", "the network 4 inputs"),
                badBatch("an action out of range is rejected with its row",
                        "a,s0,s1,s2,s3\n0,0.1,0.2,0.3,0.4\n2,0.1,0.2,0.3,0.4\n",
                        "batch row 2: action must be in [0, 2) for this network, got 2"),
                badBatch("a negative action is rejected with line and column",
                        "a,s0,s1,s2,s3\n-1,0.1,0.2,0.3,0.4\n",
                        "line 2, column 'a': action must be >= 0, got -1"),
                badBatch("a bad done flag is rejected with line",
                        "a,s0,s1,s2,s3,done\n0,0.1,0.2,0.3,0.4,maybe\n",
                        "line 2, column 'done': must be 0, 1, true or false, got 'maybe'"),
                badBatch("a missing next state on a live row is rejected",
                        "a,s0,s1,done,s'0,s'1\n0,0.1,0.2,0,,\n",
                        "line 2, column 's'0': '' is not a number"),
                badBatch("an empty batch is rejected",
                        "a,s0,s1,s2,s3\n",
                        "no data rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBatches")
    void aBadBatchIsRejected(String what, String text, String[] fragments) throws IOException {
        Path b = csv("b.csv", text);
        assertRejected(LabRun.of("ntk", "--model", model.toString(), "--batch", b.toString()), fragments);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                arguments("gamma out of range is rejected", "--gamma", "1.0", "--gamma must be in [0, 1), got 1.0"),
                arguments("non-positive alpha is rejected", "--alpha", "0", "--alpha must be finite and > 0, got 0.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void aBadOptionIsRejected(String what, String option, String value, String message) throws IOException {
        assertRejected(LabRun.of("ntk", "--model", model.toString(), "--batch", stateOnlyCsv().toString(),
                option, value), message);
    }

    @Test
    void aMissingRequiredOptionIsAPicocliUsageError() {
        LabRun r = LabRun.of("ntk", "--model", model.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--batch=<batch>'");
    }
}
