package dev.rl4j.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void currentFillsVersionsJavaAndOs() {
        Provenance p = Provenance.current();

        assertThat(p.projectVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(p.rl4jVersion()).isEqualTo("1.0.0-M1.1");
        assertThat(p.nd4jVersion()).isEqualTo("1.0.0-M1.1");
        assertThat(p.gitCommit()).matches("[0-9a-f]{40}|unknown");
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(p.javaVendor()).isNotBlank();
        assertThat(p.osName()).isNotBlank();
        assertThat(p.osArch()).isNotBlank();
        assertThat(p.settings()).isEmpty();
    }

    @Test
    void settingsAreCopiedOrderedAndUnmodifiable() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("seed", 7L);
        s.put("learner", "preqn");
        Provenance p = Provenance.current().withSettings(s).withSetting("gamma", null);
        s.put("seed", 8L);

        assertThat(p.settings().keySet()).containsExactly("seed", "learner", "gamma");
        assertThat(p.settings()).containsEntry("seed", 7L).containsEntry("learner", "preqn");
        assertThat(p.settings().get("gamma")).isNull();
        assertThatThrownBy(() -> p.settings().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void jsonHasTheDocumentedKeysAndNullForNaN() throws Exception {
        Provenance p = Provenance.current().withSetting("alpha", Double.NaN)
                .withSetting("hidden", new int[] {64, 64}).withSetting("rules", Map.of("soft_factor", 1.0));
        JsonNode json = new ObjectMapper().readTree(p.toJson());

        assertThat(json.fieldNames()).toIterable().containsExactly("project_version", "git_commit", "git_dirty",
                "rl4j_version", "nd4j_version", "java_version", "java_vendor", "os", "created", "settings");
        assertThat(json.get("os").get("name").asText()).isEqualTo(System.getProperty("os.name"));
        assertThat(json.get("settings").get("alpha").isNull()).isTrue();
        assertThat(json.get("settings").get("hidden").get(1).asInt()).isEqualTo(64);
        assertThat(json.get("settings").get("rules").get("soft_factor").asDouble()).isEqualTo(1.0);
    }

    @Test
    void sidecarSitsNextToTheDataFile() throws Exception {
        Path data = dir.resolve("runs").resolve("ntk.csv");
        Path sidecar = Provenance.current().withSetting("seed", 3).writeSidecar(data);

        assertThat(sidecar).isEqualTo(dir.resolve("runs").resolve("ntk.csv.provenance.json"));
        assertThat(Provenance.sidecarOf(data)).isEqualTo(sidecar);
        JsonNode json = new ObjectMapper().readTree(Files.readString(sidecar));
        assertThat(json.get("file").asText()).isEqualTo("ntk.csv");
        assertThat(json.get("provenance").get("settings").get("seed").asInt()).isEqualTo(3);
        assertThat(json.get("provenance").get("rl4j_version").asText()).isEqualTo("1.0.0-M1.1");
    }

    @Test
    void tableFlattensOsAndSettings() {
        Map<String, String> t = Provenance.current().withSetting("seeds", List.of(1, 2)).withSetting("seed", 5)
                .toTable();

        assertThat(t).containsKeys("project_version", "git_commit", "rl4j_version", "nd4j_version", "java_version",
                "os", "created");
        assertThat(t.get("os")).isEqualTo(System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        assertThat(t).containsEntry("settings.seeds", "[1,2]").containsEntry("settings.seed", "5");
    }
}
