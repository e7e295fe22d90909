package dev.rl4j.lab.run;

import dev.rl4j.diagnostics.NtkDiagnostics;
import dev.rl4j.diagnostics.ProbeRecord;
import dev.rl4j.diagnostics.ProbeSink;
import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.Progress;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.ParsingConverter;
import dev.rl4j.lab.options.StepsOption;
import dev.rl4j.lab.report.RunSeries;
import dev.rl4j.regression.AgentRegression;
import dev.rl4j.regression.Expectation;
import dev.rl4j.regression.RegressionResult;
import dev.rl4j.regression.SeedResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscrete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code regress}: trains one learner on several seeds through {@link AgentRegression} (rl4j-regression), prints a
 * table (stderr) and one JSON line, and exits 1 when fewer than {@code --min-pass} seeds meet {@code --expect} (for
 * users' CI). With {@code --diagnostics} each run also reports the first probe with an active warning and the first
 * probe whose max|Q| exceeded the soft-divergence bound.
 *
 * <p>With {@code --shard K/N} it runs only the K-th share of the seeds ({@link Shard}), writes their results to
 * {@code regress-shard-K-of-N.json} in {@code --out} for {@code regress-merge}, and does not apply {@code --min-pass}:
 * it exits 0 unless a seed crashed (its factory or training threw). Shards run the library without the expectation and
 * judge it here, so that the file keeps each run's own failure apart from the expectation.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run seeds, check an expectation per seed, exit 1 when too few pass.")
public final class RegressCommand implements Callable<Integer> {

    @Mixin
    JsonSummary summary;

    @Option(names = "--env", defaultValue = "cartpole", converter = RunCommand.Env.Converter.class,
            description = "cartpole | acrobot | mountaincar (default ${DEFAULT-VALUE})")
    RunCommand.Env env;

    @Mixin
    LearnerOptions learner = new LearnerOptions(Algo.PREQN);

    @Option(names = "--seeds", defaultValue = "1..5", converter = SeedsConverter.class,
            description = "seed range a..b or list a,b,c (default ${DEFAULT-VALUE})")
    Seeds seeds;

    @Mixin
    StepsOption steps = new StepsOption(30000, 1);

    @Option(names = "--expect", converter = ExpectationConverter.class,
            description = "pass condition per seed (default: best_mean100 >= the task's solved return, Gym's "
                    + "reward_threshold: 195 cartpole, -100 acrobot, -110 mountaincar)")
    Expectation expect;

    @Option(names = "--min-pass", description = "seeds that must pass (default: all)")
    Integer minPass;

    @Option(names = "--diagnostics", description = "attach the NTK diagnostics listener")
    boolean diagnostics;

    @Mixin
    ProbeOptions probes = new ProbeOptions();

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/regress");

    @Option(names = "--shard", converter = Shard.Converter.class,
            description = "run only the K-th of N shares of the seeds (round-robin by position in --seeds) and write "
                    + "regress-shard-K-of-N.json for regress-merge; --min-pass is then applied by regress-merge")
    Shard shard;

    /**
     * The seeds of {@code --seeds} and the text they were given as.
     *
     * @param text   {@code 1..5} or {@code 1,2,7}, as given
     * @param values the seeds, in order
     */
    record Seeds(String text, long[] values) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code --seeds}: {@link #parseSeeds}. */
    static final class SeedsConverter extends ParsingConverter<Seeds> {
        SeedsConverter() {
            super(text -> new Seeds(text, parseSeeds(text)));
        }
    }

    /** {@code --expect}: {@link Expectation#parse}. */
    static final class ExpectationConverter extends ParsingConverter<Expectation> {
        ExpectationConverter() {
            super(Expectation::parse);
        }
    }

    /** Parses {@code 1..5} or {@code 1,2,7}; the seeds must be distinct. */
    public static long[] parseSeeds(String text) {
        long[] seeds = parseSeedText(text);
        Set<Long> seen = new HashSet<>();
        for (long s : seeds) {
            if (!seen.add(s)) {
                throw new IllegalArgumentException("--seeds must be distinct, got '" + text + "' (" + s + " twice)");
            }
        }
        return seeds;
    }

    private static long[] parseSeedText(String text) {
        try {
            if (text.contains("..")) {
                String[] ends = text.split("\\.\\.");
                long a = Long.parseLong(ends[0].trim());
                long b = Long.parseLong(ends[1].trim());
                if (b < a) {
                    throw new IllegalArgumentException("--seeds range must be ascending, got '" + text + "'");
                }
                return LongStream.rangeClosed(a, b).toArray();
            }
            return Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--seeds must be a range like 1..5 or a list like 1,2,3, got '" + text + "'");
        }
    }

    @Override
    public Integer call() throws IOException {
        Task task = env.task();
        if (task == null) {
            throw new IllegalArgumentException("--env must be cartpole, acrobot or mountaincar, got '"
                    + KebabEnumConverter.kebab(env) + "'");
        }
        if (expect == null) {
            expect = Expectation.parse("best_mean100>=" + task.solvedReturn());
        }
        long[] all = seeds.values();
        CartpoleSettings first = learner.settings(task, all[0], steps.get());
        int required = RegressOutput.required(minPass, all.length);
        if (diagnostics) {
            probes.schedule();
            probes.consecutive();
        }
        long[] mine = shard == null ? all : shard.selectNonEmpty(all, seeds.text());
        String algo = first.algo().name();
        summary.addProvenance("learner", CartpoleExperiment.provenance(task, first));
        Map<Long, FirstProbes> firsts = new HashMap<>();
        RegressionResult result = run(task, mine, algo, required, firsts);
        List<SeedOutcome> outcomes = new ArrayList<>();
        for (SeedResult r : result.seeds()) {
            FirstProbes f = firsts.getOrDefault(r.seed(), new FirstProbes());
            SeedOutcome o = SeedOutcome.of(r, f.warning, f.softDivergence);
            outcomes.add(shard == null ? o : o.judged(expect));
            List<RunSeries.Episode> eps = new ArrayList<>();
            for (int i = 0; i < r.episodes(); i++) {
                eps.add(new RunSeries.Episode(r.episodeEndSteps().get(i), i + 1, r.returns().get(i)));
            }
            RunCommand.writeEpisodes(out.get().resolve(file(algo, r.seed()) + "-episodes.csv"), summary.provenance(),
                    eps);
        }
        RegressOutput.table(summary.err(), algo.toLowerCase(Locale.ROOT), outcomes);
        Map<String, Object> learnerFields = learnerFields(first);
        if (shard != null) {
            return writeShard(all, mine, learnerFields, outcomes);
        }
        summary.print(RegressOutput.line("regress", learnerFields, expect.toString(), outcomes, required));
        return required == 0 || result.success() ? 0 : 1;
    }

    /** Runs the seeds through {@link AgentRegression} with a progress bar over all their steps. */
    private RegressionResult run(Task task, long[] mine, String algo, int required, Map<Long, FirstProbes> firsts) {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < mine.length; i++) {
            position.put(mine[i], i);
        }
        long budget = steps.get();
        try (Progress progress = Progress.start("regress", budget * mine.length, "steps")) {
            AgentRegression regression = AgentRegression.legacy(seed -> {
                QLearningDiscrete<?> l = CartpoleExperiment.learner(task, learner.settings(task, seed, steps.get()));
                l.addListener(new EpisodeRecorder(algo + "-seed" + seed, 50)); // progress lines in the log
                progress.extraMessage("seed " + seed);
                l.addListener(new ProgressListener(progress, position.get(seed) * budget, budget));
                return l;
            }).seeds(mine);
            if (shard == null) {
                regression.expect(expect);
                if (required > 0) {
                    regression.minPassing(required);
                }
            }
            if (diagnostics) {
                regression.diagnostics(seed -> NtkDiagnostics.builder()
                        .schedule(probes.schedule()).consecutiveProbes(probes.consecutive()).seed(seed)
                        .csv(out.get().resolve(file(algo, seed) + "-diagnostics.csv"))
                        .jsonLines(out.get().resolve(file(algo, seed) + "-diagnostics.jsonl"))
                        .sink(firsts.computeIfAbsent(seed, s -> new FirstProbes()))
                        .provenance(summary.provenanceSettings()));
            }
            return regression.run();
        }
    }

    /** Writes {@code regress-shard-K-of-N.json} and prints the shard's JSON line; 1 when a seed crashed. */
    private int writeShard(long[] all, long[] mine, Map<String, Object> learnerFields, List<SeedOutcome> outcomes)
            throws IOException {
        Map<String, Object> shardField = new LinkedHashMap<>();
        shardField.put("index", shard.index());
        shardField.put("count", shard.count());
        JsonLine file = new JsonLine().put("command", "regress").put("shard", shardField).putAll(learnerFields)
                .put("expect", expect.toString()).put("min_pass", minPass).put("seeds", all).put("shard_seeds", mine)
                .put("results", outcomes.stream().map(o -> o.toJson(true)).toList())
                .put("settings", summary.settings()).put("provenance", summary.provenance().toMap());
        Path path = out.get().resolve(shard.fileName());
        Files.createDirectories(out.get());
        Files.writeString(path, file + "\n", StandardCharsets.UTF_8);
        long crashed = outcomes.stream().filter(SeedOutcome::crashed).count();
        summary.print(new JsonLine().put("command", "regress").put("shard", shard.toString()).putAll(learnerFields)
                .put("expect", expect.toString()).put("seeds", mine)
                .put("passed", outcomes.stream().filter(SeedOutcome::pass).count()).put("crashed", crashed)
                .put("file", path.toString().replace('\\', '/'))
                .put("runs", outcomes.stream().map(o -> o.toJson(false)).toList()));
        return crashed > 0 ? 1 : 0;
    }

    /** env, algo, target_network, lr and steps of the JSON line. */
    private Map<String, Object> learnerFields(CartpoleSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env", KebabEnumConverter.kebab(env));
        m.put("algo", KebabEnumConverter.kebab(s.algo()));
        m.put("target_network", s.targetNetwork());
        m.put("lr", s.learningRate());
        m.put("steps", s.steps());
        return m;
    }

    private static String file(String algo, long seed) {
        return (algo + "-seed" + seed).toLowerCase(Locale.ROOT);
    }

    /** Diagnostics sink: the env step of the first probe with an active warning and of the first soft divergence. */
    private static final class FirstProbes implements ProbeSink {
        Long warning;
        Long softDivergence;

        @Override
        public void accept(ProbeRecord record) {
            if (warning == null && !record.active().isEmpty()) {
                warning = record.measurement().step();
            }
            if (softDivergence == null && record.measurement().q().maxAbs() > record.measurement().q().softBound()) {
                softDivergence = record.measurement().step();
            }
        }
    }
}
