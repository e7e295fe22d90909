package dev.rl4j.lab.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.regression.Expectation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code regress-merge FILES...}: joins the {@code regress-shard-K-of-N.json} files of {@code regress --shard} runs,
 * checks that they come from the same settings (all but {@code --shard} and {@code --out}) and cover every seed of
 * {@code --seeds} exactly once, judges every seed against the expectation (the shards', or {@code --expect}), prints
 * the same table and JSON line as {@code regress} and exits as it does: 0 when at least {@code --min-pass} seeds pass
 * (the shards' value, or this command's), 1 when fewer do, 2 for bad files or options.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "regress-merge", mixinStandardHelpOptions = true,
        description = "Merge the shard files of 'regress --shard K/N' runs, check the expectation per seed, exit 1 when "
                + "too few pass.")
public final class RegressMergeCommand implements Callable<Integer> {

    /** Settings that may differ between the shards of one regression. */
    private static final Set<String> PER_SHARD = Set.of("shard", "out");

    @Mixin
    JsonSummary summary;

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "regress-shard-K-of-N.json files, one per shard")
    List<Path> files;

    @Option(names = "--expect", converter = RegressCommand.ExpectationConverter.class,
            description = "pass condition per seed (default: the shards' --expect)")
    Expectation expect;

    @Option(names = "--min-pass", description = "seeds that must pass (default: the shards' --min-pass, else all)")
    Integer minPass;

    /** A shard file as read. */
    private record ShardFile(Path path, JsonNode root) {
        String name() {
            return path.toString().replace('\\', '/');
        }
    }

    @Override
    public Integer call() {
        List<ShardFile> shards = files.stream().map(RegressMergeCommand::read).toList();
        ShardFile first = shards.get(0);
        shards.subList(1, shards.size()).forEach(s -> sameSettings(first, s));
        List<Long> all = new ArrayList<>();
        first.root().get("seeds").forEach(n -> all.add(n.asLong()));
        List<SeedOutcome> outcomes = cover(all, shards);
        Expectation expectation = expect != null ? expect : parseExpectation(first);
        JsonNode shardMinPass = first.root().get("min_pass");
        int required = RegressOutput.required(minPass != null ? minPass
                : shardMinPass == null || shardMinPass.isNull() ? null : shardMinPass.asInt(), all.size());
        List<SeedOutcome> judged = outcomes.stream().map(o -> o.judged(expectation)).toList();
        Map<String, Object> learner = new LinkedHashMap<>();
        for (String key : List.of("env", "algo", "target_network", "lr", "steps")) {
            learner.put(key, plain(first.root().get(key)));
        }
        RegressOutput.table(summary.err(), String.valueOf(learner.get("algo")).toLowerCase(Locale.ROOT), judged);
        ObjectNode regressSettings = first.root().get("settings").deepCopy();
        PER_SHARD.forEach(regressSettings::remove);
        summary.print(RegressOutput.line("regress-merge", learner, expectation.toString(), judged, required)
                .put("shards", shards.stream().map(ShardFile::name).toList())
                .put("regress_settings", new ObjectMapper().convertValue(regressSettings, Map.class)));
        return judged.stream().filter(SeedOutcome::pass).count() >= required ? 0 : 1;
    }

    private static ShardFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("regress-merge: shard file '" + path + "' does not exist");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("regress-merge: '" + path + "' is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !"regress".equals(root.path("command").asText()) || !root.path("shard").isObject()
                || !root.path("results").isArray() || !root.path("settings").isObject() || !root.path("seeds").isArray()) {
            throw new IllegalArgumentException("regress-merge: '" + path + "' is not a shard file of "
                    + "'rl4j-lab regress --shard K/N' (regress-shard-K-of-N.json)");
        }
        return new ShardFile(path, root);
    }

    /** Every setting but {@link #PER_SHARD} must be equal; the message names the first that differs. */
    private static void sameSettings(ShardFile a, ShardFile b) {
        Set<String> keys = new LinkedHashSet<>();
        a.root().get("settings").fieldNames().forEachRemaining(keys::add);
        b.root().get("settings").fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode x = a.root().get("settings").get(key);
            JsonNode y = b.root().get("settings").get(key);
            if (!PER_SHARD.contains(key) && !(x == null ? y == null : x.equals(y))) {
                throw new IllegalArgumentException("regress-merge: the shard files come from different settings: --"
                        + key.replace('_', '-') + " is " + shown(x) + " in " + a.name() + " but " + shown(y) + " in "
                        + b.name());
            }
        }
    }

    /** The outcomes in {@code --seeds} order; every seed exactly once, else a message naming the seeds. */
    private static List<SeedOutcome> cover(List<Long> all, List<ShardFile> shards) {
        Map<Long, List<String>> where = new LinkedHashMap<>();
        Map<Long, SeedOutcome> outcomes = new LinkedHashMap<>();
        for (ShardFile s : shards) {
            for (JsonNode r : s.root().get("results")) {
                SeedOutcome o = SeedOutcome.fromJson(r);
                where.computeIfAbsent(o.seed(), k -> new ArrayList<>()).add(s.name());
                outcomes.put(o.seed(), o);
            }
        }
        List<String> problems = new ArrayList<>();
        List<Long> missing = all.stream().filter(seed -> !where.containsKey(seed)).toList();
        if (!missing.isEmpty()) {
            problems.add("missing seeds " + missing + " (no shard file has them; merge every shard's file)");
        }
        String duplicates = where.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " (in " + String.join(", ", e.getValue()) + ")").collect(Collectors.joining(", "));
        if (!duplicates.isEmpty()) {
            problems.add("duplicate seeds " + duplicates);
        }
        Set<Long> unknown = new TreeSet<>(where.keySet());
        all.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            problems.add("seeds " + unknown + " are not in --seeds");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("regress-merge: the shard files must cover every seed of --seeds "
                    + shown(shards.get(0).root().get("settings").get("seeds")) + " exactly once: "
                    + String.join("; ", problems));
        }
        return all.stream().map(outcomes::get).toList();
    }

    private static Expectation parseExpectation(ShardFile s) {
        try {
            return Expectation.parse(s.root().path("expect").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("regress-merge: " + s.name() + ": " + e.getMessage());
        }
    }

    private static String shown(JsonNode n) {
        return n == null ? "unset" : n.isNull() ? "unset (null)" : n.toString();
    }

    /** A JSON scalar as the Java value {@code JsonLine} writes back unchanged. */
    private static Object plain(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        return n.isNumber() ? (Object) n.asDouble() : n.asText();
    }
}
