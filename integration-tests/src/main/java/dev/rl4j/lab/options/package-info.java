/**
 * Command-line options shared by rl4j-lab's commands, as picocli {@code @Mixin}s (seed, steps, output directory,
 * learner, network and batch, timing, probes), the kebab-case enum converter every enum-typed option uses, and
 * {@link dev.rl4j.lab.options.CommandSettings}, the {@code settings} object each command echoes in its JSON line.
 * Defaults differ per command: a command passes its own to the mixin's constructor, and picocli keeps that initial
 * value as the option's default.
 */
package dev.rl4j.lab.options;
