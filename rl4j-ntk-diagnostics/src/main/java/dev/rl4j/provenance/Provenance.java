package dev.rl4j.provenance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an output came from: an immutable, machine-readable record (after Tribuo's provenance) of the software that
 * produced it, the machine it ran on and the run's full settings. Serialised as a {@code provenance} JSON object
 * ({@link #toMap()}, {@link #toJson()}) with the keys {@code project_version}, {@code git_commit}, {@code git_dirty},
 * {@code rl4j_version}, {@code nd4j_version}, {@code java_version}, {@code java_vendor}, {@code os} ({@code name},
 * {@code arch}), {@code created} (ISO-8601 UTC) and {@code settings}; NaN and infinities as {@code null}.
 *
 * <p>A value that cannot be known is {@code "unknown"}: the git commit of a build without {@code .git} (a source
 * tarball), a version whose jar carries no {@code pom.properties} (a shaded jar).
 *
 * <p>Stability: experimental. @since 0.1
 *
 * @param projectVersion version of these extensions (rl4j-ntk-diagnostics), from the build
 * @param gitCommit      full commit id the extensions were built from, or "unknown"
 * @param gitDirty       whether that checkout had uncommitted changes; null when unknown
 * @param rl4jVersion    version of {@code org.deeplearning4j:rl4j-core} on the classpath
 * @param nd4jVersion    version of {@code org.nd4j:nd4j-api} on the classpath
 * @param javaVersion    {@code java.version}
 * @param javaVendor     {@code java.vendor}
 * @param osName         {@code os.name}
 * @param osArch         {@code os.arch}
 * @param created        when this record was made, to the second
 * @param settings       the run's settings in insertion order (unmodifiable; values as {@link JsonValues} writes)
 */
public record Provenance(String projectVersion, String gitCommit, Boolean gitDirty, String rl4jVersion,
        String nd4jVersion, String javaVersion, String javaVendor, String osName, String osArch, Instant created,
        Map<String, Object> settings) {

    /** The suffix of a sidecar file: {@code ntk.csv -> ntk.csv.provenance.json}. */
    public static final String SIDECAR_SUFFIX = ".provenance.json";

    private static final JsonFactory JSON = new JsonFactory();

    /** Checks for nulls (but gitDirty) and copies the settings. */
    public Provenance {
        Objects.requireNonNull(projectVersion, "projectVersion");
        Objects.requireNonNull(gitCommit, "gitCommit");
        Objects.requireNonNull(rl4jVersion, "rl4jVersion");
        Objects.requireNonNull(nd4jVersion, "nd4jVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osArch, "osArch");
        Objects.requireNonNull(created, "created");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
    }

    /** The provenance of this JVM and build now, with no settings. */
    public static Provenance current() {
        BuildInfo b = BuildInfo.get();
        return new Provenance(b.projectVersion(), b.gitCommit(), b.gitDirty(), b.rl4jVersion(), b.nd4jVersion(),
                System.getProperty("java.version", BuildInfo.UNKNOWN),
                System.getProperty("java.vendor", BuildInfo.UNKNOWN),
                System.getProperty("os.name", BuildInfo.UNKNOWN), System.getProperty("os.arch", BuildInfo.UNKNOWN),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Map.of());
    }

    /** A copy with {@code more} added to the settings (a key already present is replaced, keeping its place). */
    public Provenance withSettings(Map<String, ?> more) {
        Map<String, Object> merged = new LinkedHashMap<>(settings);
        merged.putAll(more);
        return new Provenance(projectVersion, gitCommit, gitDirty, rl4jVersion, nd4jVersion, javaVersion, javaVendor,
                osName, osArch, created, merged);
    }

    /** A copy with one more setting. */
    public Provenance withSetting(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(Objects.requireNonNull(key, "key"), value);
        return withSettings(one);
    }

    /** The {@code provenance} object as an ordered map with its JSON keys (for a JSON writer of maps). */
    public Map<String, Object> toMap() {
        return JsonValues.ordered("project_version", projectVersion, "git_commit", gitCommit, "git_dirty", gitDirty,
                "rl4j_version", rl4jVersion, "nd4j_version", nd4jVersion, "java_version", javaVersion,
                "java_vendor", javaVendor, "os", Map.of("name", osName, "arch", osArch), "created", created.toString(),
                "settings", settings);
    }

    /** Writes the {@code provenance} object at the generator's current position. */
    public void write(JsonGenerator g) throws IOException {
        JsonValues.write(g, toMap());
    }

    /** The {@code provenance} object on one line. */
    public String toJson() {
        return json(toMap());
    }

    /**
     * Key/value rows for a table (the HTML report): the top-level keys of {@link #toMap()}, {@code os} as
     * "name arch", and each setting as {@code settings.<key>}; values that are not strings, numbers or booleans are
     * written as JSON.
     */
    public Map<String, String> toTable() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : toMap().entrySet()) {
            switch (e.getKey()) {
                case "os" -> rows.put("os", osName + " " + osArch);
                case "settings" -> settings.forEach((k, v) -> rows.put("settings." + k, text(v)));
                default -> rows.put(e.getKey(), text(e.getValue()));
            }
        }
        return rows;
    }

    /** The sidecar of a data file: {@code <file>.provenance.json} in the same directory. */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    /**
     * Writes (or replaces) the sidecar of {@code file}, {@link #sidecarOf(Path)}: a pretty-printed JSON object
     * {@code {"file": "<file name>", "provenance": {...}}}, UTF-8. The data file itself is left alone, so CSV and
     * JSON Lines files stay plain tables.
     *
     * @return the sidecar's path
     * @throws UncheckedIOException if it cannot be written
     */
    public Path writeSidecar(Path file) {
        Path sidecar = sidecarOf(file);
        try {
            Path parent = sidecar.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(sidecar, StandardCharsets.UTF_8)) {
                try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                    g.writeStartObject();
                    g.writeStringField("file", file.getFileName().toString());
                    g.writeFieldName("provenance");
                    write(g);
                    g.writeEndObject();
                }
                w.write('\n');
            }
            return sidecar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write provenance " + sidecar, e);
        }
    }

    private static String text(Object v) {
        if (v == null || v instanceof CharSequence || v instanceof Boolean || v instanceof Long
                || v instanceof Integer) {
            return String.valueOf(v);
        }
        return v instanceof List<?> || v instanceof Map<?, ?> || v instanceof Number || v.getClass().isArray()
                ? json(v) : v.toString();
    }

    private static String json(Object v) {
        StringWriter s = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(s)) {
            JsonValues.write(g, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }
}
