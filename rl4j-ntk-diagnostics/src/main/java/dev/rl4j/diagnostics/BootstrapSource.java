package dev.rl4j.diagnostics;

/**
 * Implemented by a learner (or a part of its update stack) that knows which network its TD targets bootstrap from.
 * The diagnostics listener reads it to decide whether SEEM (docs/math.md#seem), which is derived for targets computed
 * by the network being updated, describes this learner's dynamics: SELF_EXCITING is a warning only then
 * ({@link FindingRules#forTargetSyncInterval}). PreQN's update stack implements it; for RL4J's own DQN the listener
 * reads the target update frequency of RL4J's updater.
 *
 * <p>Called on the training thread, between updates. Stability: experimental. @since 0.2
 */
@FunctionalInterface
public interface BootstrapSource {

    /**
     * 1 when the TD targets come from the network being updated (no target network, or one copied after every
     * update); C > 1 when they come from a target network copied every C updates ({@link Integer#MAX_VALUE}: never).
     */
    int targetSyncInterval();
}
