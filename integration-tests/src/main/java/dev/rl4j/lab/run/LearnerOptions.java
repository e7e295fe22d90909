package dev.rl4j.lab.run;

import dev.rl4j.preqn.PreQNConfiguration;
import picocli.CommandLine.Option;

/**
 * The learner options of {@code run} and {@code regress}: {@code --preset}, {@code --algo}, the negatable
 * {@code --target/--no-target}, {@code --lr}, RL4J's {@code --error-clamp} and PreQN's {@code --alpha}, {@code --eta},
 * {@code --damping}, {@code --td-clamp} and {@code --hold-bootstrap/--no-hold-bootstrap}. Unset options mean the
 * preset's (or the learner's own) defaults ({@link CartpoleSettings#of}).
 */
final class LearnerOptions {

    @Option(names = "--preset", defaultValue = "rl4j-defaults", converter = CartpolePreset.Converter.class,
            description = "rl4j-defaults (RL4J's configuration defaults) | official-example (RL4J's DQNCartpole "
                    + "example: batch 128, target every 500, rewardFactor 0.01, 2x300 ReLU RmsProp 2.5e-5, double DQN; "
                    + "pass --seed 123 --steps 15000 for the example's own) (default ${DEFAULT-VALUE})")
    CartpolePreset preset = CartpolePreset.RL4J_DEFAULTS;

    @Option(names = "--algo", converter = Algo.Converter.class,
            description = "dqn (RL4J's DQN: Adam, target network) | ddqn (double DQN) | preqn (PreQN: no Adam, no "
                    + "target network) on CartPole; q-learning (semi-gradient, the old 'dqn') | preqn on a linear "
                    + "testbed (default ${DEFAULT-VALUE})")
    Algo algo;

    @Option(names = "--target", negatable = true,
            description = "target network synced every 100 updates, or --no-target: synced after every update "
                    + "(default: on for dqn and ddqn, off for preqn)")
    Boolean target;

    @Option(names = "--lr", description = "Adam learning rate of dqn/ddqn on CartPole (default 0.001); step size alpha "
            + "on a testbed (default 0.05 for q-learning, 1.0 for preqn)")
    Double lr;

    @Option(names = "--error-clamp", converter = ClampConverter.class,
            description = "RL4J's QLearningConfiguration.errorClamp, > 0 or 'off' (clamps dqn/ddqn's TD error; PreQN "
                    + "uses it only with --td-clamp rl4j) (default 1.0)")
    Double errorClamp;

    @Option(names = "--alpha", description = "PreQN: fraction of the TD error closed per step, in (0, 1] (default 0.1)")
    Double alpha;

    @Option(names = "--eta", description = "PreQN: line-search threshold on cos(dQ, delta), in [0, 1) "
            + "(default 0.95; 0.5 with --hold-bootstrap)")
    Double eta;

    @Option(names = "--damping", description = "PreQN: relative damping of K, >= 0 (default 1e-6)")
    Double damping;

    @Option(names = "--td-clamp", description = "PreQN's |delta| bound: a number > 0, 'off' (default) or 'rl4j' "
            + "(RL4J's --error-clamp, the behaviour before 0.2)")
    String tdClamp;

    @Option(names = "--hold-bootstrap", negatable = true,
            description = "PreQN, experimental (not in the paper): hold Q(s', argmax Q(s', .)) fixed in the kernel "
                    + "solve (docs/math.md#hold-bootstrap); needs --no-target (default off)")
    Boolean holdBootstrap;

    /** Default learner DQN. */
    public LearnerOptions() {
        this(Algo.DQN);
    }

    /** @param defaultAlgo the command's default learner */
    public LearnerOptions(Algo defaultAlgo) {
        this.algo = defaultAlgo;
    }

    public Algo algo() {
        return algo;
    }

    /** The explicit step size or learning rate, or {@code fallback} when {@code --lr} was not given. */
    public double lr(double fallback) {
        return lr != null ? lr : fallback;
    }

    /** The preset's settings for the learner with these options applied; rejects the testbed-only learner. */
    public CartpoleSettings cartpole(long seed, int steps) {
        if (algo == Algo.Q_LEARNING) {
            throw new IllegalArgumentException("--algo q-learning runs on the linear testbeds only (--env baird|w2w); "
                    + "on CartPole use dqn, ddqn or preqn");
        }
        CartpoleSettings s = CartpoleSettings.of(preset, algo, seed, steps);
        s = s.withLearningRate(lr(s.learningRate()));
        if (errorClamp != null) {
            s = s.withErrorClamp(errorClamp);
        }
        boolean preqnOption = alpha != null || eta != null || damping != null || tdClamp != null
                || holdBootstrap != null;
        if (preqnOption && algo != Algo.PREQN) {
            throw new IllegalArgumentException("--alpha, --eta, --damping, --td-clamp and --hold-bootstrap apply to "
                    + "--algo preqn only, got --algo " + algo);
        }
        boolean on = target != null ? target : s.targetNetwork();
        s = s.withTargetNetwork(on).withPreqn(preqn(on));
        return s;
    }

    /** PreQN's configuration from the options; unset ones keep {@link PreQNConfiguration#defaults()}. */
    PreQNConfiguration preqn(boolean targetNetwork) {
        PreQNConfiguration d = PreQNConfiguration.defaults();
        PreQNConfiguration.Builder b = PreQNConfiguration.builder()
                .alpha(alpha != null ? alpha : d.alpha())
                .damping(damping != null ? damping : d.damping())
                .holdBootstrap(holdBootstrap != null && holdBootstrap)
                .targetNetwork(algo == Algo.PREQN && targetNetwork);
        if (eta != null) { // unset: the builder's default (0.95, or 0.5 with the bootstrap hold)
            b.eta(eta);
        }
        if (tdClamp != null) {
            switch (tdClamp.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "off" -> b.tdErrorClamp(PreQNConfiguration.TD_CLAMP_OFF);
                case "rl4j" -> b.inheritRl4jErrorClamp();
                default -> b.tdErrorClamp(parsePositive("--td-clamp", tdClamp, "a number > 0, 'off' or 'rl4j'"));
            }
        }
        return b.build();
    }

    private static double parsePositive(String option, String text, String range) {
        try {
            double v = Double.parseDouble(text.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be " + range + ", got '" + text + "'");
    }

    /** {@code --error-clamp}: a number > 0 or {@code off} (NaN, RL4J's "no clamp"). */
    static final class ClampConverter implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            if (value.trim().equalsIgnoreCase("off")) {
                return Double.NaN;
            }
            return parsePositive("--error-clamp", value, "a number > 0 or 'off'");
        }
    }

    /** As {@link #cartpole(long, int)} with the task's episode cap. */
    public CartpoleSettings settings(Task task, long seed, int steps) {
        return cartpole(seed, steps).withEpisodeCap(task.episodeCap());
    }
}
