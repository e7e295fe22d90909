package dev.rl4j.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What the build and the classpath say, read once: {@code dev/rl4j/build.properties} (project version and git
 * commit, filled in by Maven's resource filtering and git-commit-id-maven-plugin) and the {@code pom.properties}
 * that Maven puts in every jar it builds.
 *
 * @param projectVersion the extensions' version
 * @param gitCommit      the commit id, or {@link #UNKNOWN}
 * @param gitDirty       uncommitted changes at build time; null when unknown
 * @param rl4jVersion    org.deeplearning4j:rl4j-core
 * @param nd4jVersion    org.nd4j:nd4j-api
 */
record BuildInfo(String projectVersion, String gitCommit, Boolean gitDirty, String rl4jVersion, String nd4jVersion) {

    static final String UNKNOWN = "unknown";

    private static final BuildInfo INSTANCE = read();

    static BuildInfo get() {
        return INSTANCE;
    }

    private static BuildInfo read() {
        Properties build = load("dev/rl4j/build.properties");
        String dirty = value(build, "git.dirty");
        return new BuildInfo(value(build, "project.version"), value(build, "git.commit"),
                UNKNOWN.equals(dirty) ? null : Boolean.valueOf(dirty),
                mavenVersion("org.deeplearning4j", "rl4j-core"), mavenVersion("org.nd4j", "nd4j-api"));
    }

    /** The version in {@code META-INF/maven/<group>/<artifact>/pom.properties}, or {@link #UNKNOWN}. */
    static String mavenVersion(String group, String artifact) {
        return value(load("META-INF/maven/" + group + "/" + artifact + "/pom.properties"), "version");
    }

    /** A property, or {@link #UNKNOWN} when absent, blank or left unfiltered ({@code ${...}}). */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        ClassLoader loader = BuildInfo.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable file is an unknown value, never a failed run
        }
        return p;
    }
}
