/**
 * Read-only access to RL4J 1.0.0-M1.1 state that has no getter: {@link dev.rl4j.internals.Rl4jInternals} is the one
 * place in the project that reads RL4J's private fields by reflection, shared by the diagnostics listener's RL4J
 * adapters and by PreQN. Every read answers a {@link dev.rl4j.internals.FieldLookup}: the value, or a message naming
 * what was not found, on which class and along which field path; the caller decides whether to fall back or to fail
 * with that message and the remedy it knows (e.g. the builder method that supplies the value instead).
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.internals;
