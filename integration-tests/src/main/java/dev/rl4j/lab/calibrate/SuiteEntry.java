package dev.rl4j.lab.calibrate;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One labelled run of the suite.
 *
 * @param id       unique within the suite, e.g. {@code cartpole-dqn-notarget-lr0.001-4x100x3-s1}
 * @param seed     seeds the environment, exploration, initialisation and the testbeds' minibatches
 * @param scenario what is trained
 */
public record SuiteEntry(String id, long seed, Scenario scenario) {

    /** The settings as {@code key=value;...} for the CSV. */
    public String settingsText() {
        return scenario.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** The settings map. */
    public Map<String, String> settings() {
        return scenario.settings();
    }
}
