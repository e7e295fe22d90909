/**
 * Provenance of every output file and summary line (issue 12 section 3), modelled on Tribuo's provenance: one small
 * immutable, machine-readable record ({@link dev.rl4j.provenance.Provenance}) of the project version, the git commit
 * it was built from, the RL4J and ND4J versions on the classpath, the Java runtime, the operating system and the run's
 * full settings, serialised with Jackson ({@link dev.rl4j.provenance.JsonValues}) as a {@code provenance} object.
 *
 * <p>Files that must stay plain tables (CSV, JSON Lines) get a sidecar {@code <file>.provenance.json}
 * ({@link dev.rl4j.provenance.Provenance#writeSidecar}); JSON summaries embed the object. No RL4J and no reflection:
 * versions come from the jars' {@code META-INF/maven/.../pom.properties}, the project version and commit from
 * {@code dev/rl4j/build.properties}, filled in at build time.
 *
 * <p>Stability: experimental. @since 0.1
 */
package dev.rl4j.provenance;
