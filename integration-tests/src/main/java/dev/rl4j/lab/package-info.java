/**
 * {@code rl4j-lab}, the project's command line ({@link dev.rl4j.lab.RlLab}): demo, runs, regressions, offline NTK
 * diagnosis, the architecture study and benchmarks; each subcommand prints one JSON summary line on stdout.
 */
package dev.rl4j.lab;
