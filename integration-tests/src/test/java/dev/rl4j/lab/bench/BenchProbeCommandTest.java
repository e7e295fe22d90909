package dev.rl4j.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.lab.LabRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchProbeCommandTest {

    @Test
    void printsTheMedianAndEveryStageForBothPathsAsOneJsonLine() {
        LabRun run = LabRun.of("bench-probe", "--net", "4-16-16-2", "--batch", "70", "--reps", "2", "--warmup", "0",
                "--reference", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("bench").asText()).isEqualTo("probe");
        assertThat(json.get("median_ms").asDouble()).isPositive();
        List<String> stages = new ArrayList<>();
        json.get("stages_ms").fieldNames().forEachRemaining(stages::add);
        assertThat(stages).containsExactly("inputs", "q_values", "kernel", "cross_kernel", "precondition",
                "kernel_eigenvalues", "seem", "row_sums", "features", "findings");
        assertThat(json.get("reference").get("median_ms").asDouble()).isPositive();
        assertThat(json.get("speedup").asDouble()).isPositive();
        assertThat(json.get("relative_difference").get("seem").asDouble()).isLessThan(1e-6);
    }

    @Test
    void cartpoleDataNeedsFourInputsAndTwoActions() {
        LabRun run = LabRun.of("bench-probe", "--net", "3-8-2", "--reps", "1", "--warmup", "0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--data cartpole needs 4 inputs and 2 actions");
    }
}
