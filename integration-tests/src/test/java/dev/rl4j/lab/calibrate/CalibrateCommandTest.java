package dev.rl4j.lab.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rl4j.diagnostics.FindingKind;
import dev.rl4j.lab.LabRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void testbedSuiteGivesBothOutcomesAndTheDocumentedKeysInRange() throws IOException {
        LabRun run = LabRun.of("calibrate", "--testbeds-only", "--seeds", "1", "--testbed-updates", "150",
                "--period", "10", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = run.json();
        assertThat(j.get("runs_total").asInt()).isEqualTo(6);
        int diverged = j.get("runs_diverged").asInt();
        assertThat(diverged).isBetween(1, 5); // w -> 2w at 0.9 diverges, at 0.4 it does not
        assertThat(j.get("runs_healthy").asInt()).isEqualTo(6 - diverged);
        assertFractions(j.get("default_warning"));
        for (FindingKind k : FindingKind.values()) {
            assertFractions(j.get("by_kind").get(k.name()));
        }
        assertThat(j.get("expected_vs_judged").get("runs_with_known_answer").asInt()).isEqualTo(6);
        assertThat(j.get("settings").get("period").asInt()).isEqualTo(10);
        // the replay with the listener's own rules and debouncing reproduces what the listener recorded
        JsonNode replay = null;
        for (JsonNode t : j.get("tuning").get("consecutive")) {
            if (t.get("consecutive").asInt() == j.get("listener").get("consecutive_probes").asInt()) {
                replay = t;
            }
        }
        assertThat(replay).isNotNull();
        assertThat(replay.get("by_kind")).isEqualTo(j.get("by_kind"));
        assertThat(replay.get("default_warning")).isEqualTo(j.get("default_warning"));

        List<String> csv = Files.readAllLines(dir.resolve("calibrate-runs.csv"));
        assertThat(csv).hasSize(1 + 6);
        assertThat(csv.get(0)).startsWith("run_id,family,settings,seed,expected,outcome,divergence_update,");
        assertThat(csv.get(0)).contains("first_warning_update", "first_over_generalization_update");
        assertThat(Files.readString(dir.resolve("calibrate-report.html"))).contains("Calibration table",
                "data:image/png;base64,");
    }

    private static void assertFractions(JsonNode m) {
        for (String key : List.of("recall", "false_alarm_rate")) {
            JsonNode v = m.get(key);
            assertThat(v).as(key).isNotNull();
            if (!v.isNull()) {
                assertThat(v.asDouble()).as(key).isBetween(0.0, 1.0);
            }
        }
        JsonNode lead = m.get("median_lead_updates");
        assertThat(lead).isNotNull();
        if (!lead.isNull()) {
            assertThat(lead.asDouble()).isGreaterThanOrEqualTo(1.0);
        } else {
            assertThat(m.get("undefined").toString()).contains("median_lead_updates");
        }
    }
}
