package dev.rl4j.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every command's JSON line carries a {@code provenance} object (JsonSummary), with the command's settings. */
class ProvenanceLineTest {

    @Test
    void aCommandsJsonLineHasProvenanceWithVersionsJavaOsCommitAndSettings() {
        LabRun r = LabRun.of("run", "--env", "w2w", "--algo", "preqn", "--steps", "5", "--seed", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode p = r.json().get("provenance");

        assertThat(p).isNotNull();
        assertThat(p.get("project_version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(p.get("rl4j_version").asText()).isEqualTo("1.0.0-M1.1");
        assertThat(p.get("nd4j_version").asText()).isEqualTo("1.0.0-M1.1");
        assertThat(p.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.get("java_vendor").asText()).isNotBlank();
        assertThat(p.get("os").get("name").asText()).isEqualTo(System.getProperty("os.name"));
        assertThat(p.get("os").get("arch").asText()).isEqualTo(System.getProperty("os.arch"));
        assertThat(p.get("git_commit").asText()).matches("[0-9a-f]{40}|unknown");
        JsonNode settings = p.get("settings");
        assertThat(settings.get("seed").asLong()).isEqualTo(3);
        assertThat(settings.get("algo").asText()).isEqualTo("preqn");
        assertThat(settings.get("steps").asInt()).isEqualTo(5);
        assertThat(settings).isEqualTo(r.json().get("settings"));
    }
}
