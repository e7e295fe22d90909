package dev.rl4j.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rl4j.lab.LabRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regress --shard K/N} and {@code regress-merge}: a tiny budget (300 steps, 3 seeds) run whole and in 2 shards. */
class RegressShardTest {

    static final String[] COMMON = {"--algo", "dqn", "--seeds", "1..3", "--steps", "300", "--expect", "episodes>=14",
        "--min-pass", "2"};

    @TempDir
    static Path dir;
    static LabRun full;
    static LabRun shard1;
    static LabRun shard2;
    static Path file1;
    static Path file2;

    @BeforeAll
    static void runWholeAndSharded() {
        full = LabRun.of(args("--out", dir.resolve("full").toString()));
        shard1 = LabRun.of(args("--out", dir.resolve("a").toString(), "--shard", "1/2"));
        shard2 = LabRun.of(args("--out", dir.resolve("b").toString(), "--shard", "2/2"));
        file1 = dir.resolve("a/regress-shard-1-of-2.json");
        file2 = dir.resolve("b/regress-shard-2-of-2.json");
    }

    static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("regress"));
        a.addAll(List.of(COMMON));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void seedsAreDealtRoundRobinByTheirPositionInTheList() {
        long[] seeds = {5, 6, 7, 8, 9, 10, 11};
        assertThat(Shard.parse("1/3").select(seeds)).containsExactly(5, 8, 11);
        assertThat(Shard.parse("2/3").select(seeds)).containsExactly(6, 9);
        assertThat(Shard.parse(" 3/3 ").select(seeds)).containsExactly(7, 10);
        assertThat(Shard.parse("1/1").select(seeds)).containsExactly(seeds);
        List<Long> union = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            LongStream.of(new Shard(k, 4).select(seeds)).forEach(union::add);
        }
        assertThat(union).containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(Shard.parse("2/4").fileName()).isEqualTo("regress-shard-2-of-4.json");
    }

    @Test
    void badShardsExitTwoNamingTheOptionTheValueAndTheRange() {
        assertThatThrownBy(() -> Shard.parse("0/2")).hasMessageContaining("--shard").hasMessageContaining("'0/2'")
                .hasMessageContaining("[1, 2]");
        assertThatThrownBy(() -> Shard.parse("2")).hasMessageContaining("--shard must be K/N");
        assertThatThrownBy(() -> Shard.parse("a/b")).hasMessageContaining("whole numbers");
        LabRun r = LabRun.of("regress", "--seeds", "1..3", "--shard", "4/3");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--shard").contains("'4/3'").contains("K must be in [1, 3]");
        LabRun tooMany = LabRun.of("regress", "--seeds", "1..2", "--shard", "1/3");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--shard 1/3").contains("N must be in [1, 2]");
    }

    @Test
    void twoShardsMergedGiveTheUnshardedVerdict() throws IOException {
        assertThat(shard1.exitCode()).as(shard1.err()).isZero();
        assertThat(shard2.exitCode()).as(shard2.err()).isZero();
        assertThat(shard1.json().get("seeds").toString()).isEqualTo("[1,3]");
        JsonNode file = new ObjectMapper().readTree(file1.toFile());
        assertThat(file.get("shard").toString()).isEqualTo("{\"index\":1,\"count\":2}");
        assertThat(file.get("settings").get("shard").asText()).isEqualTo("1/2");
        assertThat(file.get("settings").get("expect").asText()).isEqualTo("episodes>=14.0");
        JsonNode seed1 = file.get("results").get(0);
        assertThat(seed1.get("seed").asLong()).isEqualTo(1);
        assertThat(seed1.get("returns").get("count").asInt()).isEqualTo(seed1.get("episodes").asInt());
        for (String field : List.of("best_mean100", "mean100", "steps", "pass", "reason")) {
            assertThat(seed1.has(field)).as(field).isTrue();
        }
        assertThat(dir.resolve("a/dqn-seed3-episodes.csv")).exists();

        LabRun merged = LabRun.of("regress-merge", file1.toString(), file2.toString());
        assertThat(full.exitCode()).as(full.err()).isIn(0, 1);
        assertThat(merged.exitCode()).as(merged.err()).isEqualTo(full.exitCode());
        JsonNode m = merged.json();
        JsonNode f = full.json();
        for (String field : List.of("success", "passed", "required", "expect", "algo", "steps")) {
            assertThat(m.get(field)).as(field).isEqualTo(f.get(field));
        }
        for (int i = 0; i < 3; i++) {
            for (String field : List.of("seed", "episodes", "pass", "reason", "mean100", "best_mean100")) {
                assertThat(m.get("runs").get(i).get(field)).as(field + " of seed " + (i + 1))
                        .isEqualTo(f.get("runs").get(i).get(field));
            }
        }
        assertThat(m.get("command").asText()).isEqualTo("regress-merge");
        assertThat(m.get("regress_settings").get("seeds").asText()).isEqualTo("1..3");
        assertThat(merged.err()).contains("first_soft_div").contains("reason");
        assertThat(full.err()).contains("first_soft_div").contains("reason");
    }

    @Test
    void mergeAppliesAnExpectationOrMinPassGivenOnItsCommandLine() {
        LabRun all = LabRun.of("regress-merge", file1.toString(), file2.toString(), "--expect", "episodes>=1");
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.json().get("passed").asInt()).isEqualTo(3);
        LabRun none = LabRun.of("regress-merge", file1.toString(), file2.toString(), "--expect", "episodes>=100000");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.json().get("runs").get(0).get("reason").asText()).contains("does not meet episodes>=100000.0");
        assertThat(none.err()).contains("does not meet episodes>=100000.0");
        LabRun zero = LabRun.of("regress-merge", file1.toString(), file2.toString(), "--expect", "episodes>=100000",
                "--min-pass", "0");
        assertThat(zero.exitCode()).isZero();
        assertThat(zero.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void shardsOfDifferentSettingsAreRefusedNamingTheSetting() throws IOException {
        ObjectNode other = (ObjectNode) new ObjectMapper().readTree(file2.toFile());
        ((ObjectNode) other.get("settings")).put("lr", 0.5);
        Path changed = dir.resolve("lr-shard-2-of-2.json");
        Files.writeString(changed, other.toString());
        LabRun r = LabRun.of("regress-merge", file1.toString(), changed.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("different settings").contains("--lr").contains("0.5");
    }

    @Test
    void aMissingSeedIsRefusedNamingIt() {
        LabRun r = LabRun.of("regress-merge", file1.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing seeds [2]");
    }

    @Test
    void aDuplicateSeedIsRefusedNamingItAndItsFiles() throws IOException {
        Path copy = dir.resolve("copy-of-shard-1.json");
        Files.copy(file1, copy);
        LabRun r = LabRun.of("regress-merge", file1.toString(), file2.toString(), copy.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("duplicate seeds 1 (in ").contains("copy-of-shard-1.json").contains(", 3 (in ");
    }

    @Test
    void aFileThatIsNotAShardIsRefused() throws IOException {
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"command\":\"run\"}");
        assertThat(LabRun.of("regress-merge", other.toString()).err()).contains("is not a shard file");
        assertThat(LabRun.of("regress-merge", dir.resolve("nope.json").toString()).exitCode()).isEqualTo(2);
    }
}
