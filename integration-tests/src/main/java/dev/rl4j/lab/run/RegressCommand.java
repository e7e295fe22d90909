package dev.rl4j.lab.run;

import dev.rl4j.lab.JsonLine;
import dev.rl4j.lab.options.JsonSummary;
import dev.rl4j.lab.options.KebabEnumConverter;
import dev.rl4j.lab.options.OutOption;
import dev.rl4j.lab.options.ParsingConverter;
import dev.rl4j.lab.options.StepsOption;
import dev.rl4j.lab.report.RunSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code regress}: trains one learner on several seeds, prints a table (stderr) and one JSON line, and exits 1 when
 * fewer than {@code --min-pass} seeds meet {@code --expect} (for users' CI). With {@code --diagnostics} each run also
 * reports the first probe with an active warning and the first probe whose max|Q| exceeded the soft-divergence bound.
 *
 * <p>Stability: experimental. @since 0.1
 */
@Command(name = "regress", mixinStandardHelpOptions = true,
        description = "Run seeds, check an expectation per seed, exit 1 when too few pass.")
public final class RegressCommand implements Callable<Integer> {

    @Mixin
    JsonSummary summary;

    @Option(names = "--env", defaultValue = "cartpole", converter = RunCommand.Env.Converter.class,
            description = "cartpole (default ${DEFAULT-VALUE})")
    RunCommand.Env env;

    @Mixin
    LearnerOptions learner = new LearnerOptions(Algo.PREQN);

    @Option(names = "--seeds", defaultValue = "1..5", converter = SeedsConverter.class,
            description = "seed range a..b or list a,b,c (default ${DEFAULT-VALUE})")
    Seeds seeds;

    @Mixin
    StepsOption steps = new StepsOption(30000, 1);

    @Option(names = "--expect", defaultValue = "best_mean100>=195", converter = ExpectationConverter.class,
            description = "pass condition per seed (default ${DEFAULT-VALUE})")
    Expectation expect;

    @Option(names = "--min-pass", description = "seeds that must pass (default: all)")
    Integer minPass;

    @Option(names = "--diagnostics", description = "attach the NTK diagnostics listener")
    boolean diagnostics;

    @Mixin
    ProbeOptions probes = new ProbeOptions(1000);

    @Mixin
    OutOption out = new OutOption("rl4j-lab-out/regress");

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

    /** Parses {@code 1..5} or {@code 1,2,7}. */
    static long[] parseSeeds(String text) {
        try {
            if (text.contains("..")) {
                String[] ends = text.split("\\.\\.");
                long a = Long.parseLong(ends[0].trim());
                long b = Long.parseLong(ends[1].trim());
                if (b < a) {
                    throw new IllegalArgumentException("--seeds range must be ascending, got '" + text + "'");
                }
                return java.util.stream.LongStream.rangeClosed(a, b).toArray();
            }
            return java.util.Arrays.stream(text.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--seeds must be a range like 1..5 or a list like 1,2,3, got '" + text + "'");
        }
    }

    /** Highest mean of 100 consecutive episodes (of all episodes when fewer than 100); NaN when none. */
    static double bestMean100(List<RunSeries.Episode> episodes) {
        if (episodes.isEmpty()) {
            return Double.NaN;
        }
        if (episodes.size() < 100) {
            return EpisodeRecorder.meanOfLast(episodes, 100);
        }
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < episodes.size(); i++) {
            sum += episodes.get(i).reward();
            if (i >= 100) {
                sum -= episodes.get(i - 100).reward();
            }
            if (i >= 99) {
                best = Math.max(best, sum / 100);
            }
        }
        return best;
    }

    @Override
    public Integer call() {
        if (env != RunCommand.Env.CARTPOLE) {
            throw new IllegalArgumentException("--env must be cartpole, got '" + KebabEnumConverter.kebab(env) + "'");
        }
        long[] seedList = seeds.values();
        CartpoleSettings first = learner.cartpole(seedList[0], steps.get());
        Algo a = first.algo();
        int required = minPass != null ? minPass : seedList.length;
        if (required < 0 || required > seedList.length) {
            throw new IllegalArgumentException("--min-pass must be in [0, " + seedList.length + "], got " + required);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int passed = 0;
        System.err.printf(Locale.ROOT, "%-6s %-6s %9s %9s %13s %9s %8s %14s %14s%n", "algo", "seed", "episodes",
                "mean100", "best_mean100", "seconds", "pass", "first_warning", "first_soft_div");
        for (long seed : seedList) {
            CartpoleSettings s = learner.cartpole(seed, steps.get());
            String name = a.name() + "-seed" + seed;
            CartpoleExperiment.Result r = diagnostics
                    ? CartpoleExperiment.runWithDiagnostics(s, name, out.get(), probes.period(), probes.consecutive())
                    : CartpoleExperiment.run(s, name, List.of());
            List<RunSeries.Episode> eps = r.series().episodes();
            Map<String, Double> metrics = Map.of("mean100", EpisodeRecorder.meanOfLast(eps, 100), "best_mean100",
                    bestMean100(eps), "episodes", (double) eps.size());
            boolean ok = expect.holds(metrics);
            passed += ok ? 1 : 0;
            Long firstWarning = r.series().probes().stream().filter(p -> !p.active().isEmpty())
                    .map(p -> p.measurement().step()).findFirst().orElse(null);
            Long firstSoft = r.series().probes().stream()
                    .filter(p -> p.measurement().q().maxAbs() > p.measurement().q().softBound())
                    .map(p -> p.measurement().step()).findFirst().orElse(null);
            RunCommand.writeEpisodes(out.get().resolve(name.toLowerCase(Locale.ROOT) + "-episodes.csv"), eps);
            System.err.printf(Locale.ROOT, "%-6s %-6d %9d %9.1f %13.1f %9.0f %8s %14s %14s%n", a.name().toLowerCase(),
                    seed, eps.size(), metrics.get("mean100"), metrics.get("best_mean100"), r.seconds(), ok ? "yes" : "no",
                    firstWarning == null ? "-" : firstWarning, firstSoft == null ? "-" : firstSoft);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", seed);
            row.put("episodes", eps.size());
            row.put("mean100", metrics.get("mean100"));
            row.put("best_mean100", metrics.get("best_mean100"));
            row.put("seconds", r.seconds());
            row.put("pass", ok);
            row.put("first_warning_step", firstWarning);
            row.put("first_soft_divergence_step", firstSoft);
            rows.add(row);
        }
        boolean success = passed >= required;
        summary.print(new JsonLine().put("command", "regress").put("env", "cartpole")
                .put("algo", KebabEnumConverter.kebab(a)).put("target_network", first.targetNetwork())
                .put("lr", first.learningRate()).put("steps", first.steps()).put("expect", expect.toString())
                .put("passed", passed).put("required", required).put("success", success).put("runs", rows));
        return success ? 0 : 1;
    }
}
