/**
 * The package rules of docs/ARCHITECTURE.md as ArchUnit tests, run in {@code mvn verify} over the main classes of
 * every module (this module sees them all on its test classpath).
 */
package dev.rl4j.architecture;
