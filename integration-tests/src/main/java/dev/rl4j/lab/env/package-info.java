/**
 * Gym's classic-control tasks Acrobot-v1 and MountainCar-v0 for RL4J: the equations ({@link dev.rl4j.lab.env.Acrobot},
 * {@link dev.rl4j.lab.env.MountainCar}, behind {@link dev.rl4j.lab.env.ClassicControl}) and one adapter per RL4J
 * pipeline: {@link dev.rl4j.lab.env.ClassicControlMdp} (legacy {@code MDP}, like RL4J's {@code CartpoleNative}) and
 * {@link dev.rl4j.lab.env.ClassicControlEnvironment} (builder {@code Environment}, like {@code CartpoleEnvironment}).
 *
 * <p>Time limits (Gym's {@code max_episode_steps}: 500 and 200) are truncations, not terminals: the tasks never
 * report them as terminal, exactly as {@code CartpoleNative} does not report CartPole's cap. The learner applies the
 * cap ({@code maxEpochStep} in the legacy pipeline, {@code maxEpisodeSteps} in the builder pipeline), and RL4J then
 * stores the capped episode's last transition as non-terminal, so the learner bootstraps from it.
 * See docs/math.md#classic-control.
 */
package dev.rl4j.lab.env;
