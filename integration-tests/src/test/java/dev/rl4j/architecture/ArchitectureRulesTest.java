package dev.rl4j.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.rl4j.lab.RlLab;
import dev.rl4j.ntk.NtkMethod;
import dev.rl4j.preqn.PreQNConfiguration;
import dev.rl4j.regression.AgentRegression;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package map of the libraries (docs/ARCHITECTURE.md): the NTK engine knows neither RL4J nor the listener, PreQN
 * reaches the diagnostics only through its two SPIs (step size, bootstrap source), no library uses the lab, the top-level packages form no
 * cycle, in the diagnostics only the facade and the RL4J adapters import RL4J, and only {@code dev.rl4j.internals}
 * reads RL4J by reflection.
 */
class ArchitectureRulesTest {

    private static final String STEP_SIZE_SPI = "dev.rl4j.diagnostics.StepSizeProvider";
    private static final String BOOTSTRAP_SPI = "dev.rl4j.diagnostics.BootstrapSource";
    private static final String FACADE = "dev.rl4j.diagnostics.NtkDiagnostics";
    private static final String[] LIBRARIES = {
        "dev.rl4j.ntk..", "dev.rl4j.diagnostics..", "dev.rl4j.internals..", "dev.rl4j.preqn..", "dev.rl4j.regression..",
        "dev.rl4j.provenance.."};

    private static JavaClasses mainClasses;

    /** The main classes of the four modules, read from where one class of each was loaded (directory or jar). */
    @BeforeAll
    static void importMainClasses() throws IOException {
        Set<Location> locations = new LinkedHashSet<>();
        for (Class<?> module : List.of(NtkMethod.class, PreQNConfiguration.class, AgentRegression.class, RlLab.class)) {
            locations.add(locationOf(module));
        }
        mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importLocations(locations);
    }

    private static Location locationOf(Class<?> type) throws IOException {
        Path path;
        try {
            path = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
        if (Files.isDirectory(path)) {
            return Location.of(path);
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return Location.of(jar);
        }
    }

    @Test
    void ntkEngineImportsNeitherRl4jNorTheDiagnosticsNorPreqn() {
        noClasses().that().resideInAPackage("dev.rl4j.ntk..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.deeplearning4j.rl4j..", "dev.rl4j.diagnostics..", "dev.rl4j.preqn..")
                .check(mainClasses);
    }

    @Test
    void preqnUsesTheDiagnosticsOnlyThroughItsSpis() {
        noClasses().that().resideInAPackage("dev.rl4j.preqn..")
                .should().dependOnClassesThat(resideInAPackage("dev.rl4j.diagnostics..").and(not(named(STEP_SIZE_SPI)))
                        .and(not(named(BOOTSTRAP_SPI))))
                .check(mainClasses);
    }

    @Test
    void preqnUsesNoProjectPackageButNtkInternalsAndTheSpis() {
        noClasses().that().resideInAPackage("dev.rl4j.preqn..")
                .should().dependOnClassesThat(resideInAPackage("dev.rl4j..")
                        .and(not(resideInAnyPackage("dev.rl4j.preqn..", "dev.rl4j.ntk..", "dev.rl4j.internals..")))
                        .and(not(named(STEP_SIZE_SPI))).and(not(named(BOOTSTRAP_SPI))))
                .check(mainClasses);
    }

    @Test
    void noLibraryDependsOnTheLab() {
        noClasses().that().resideInAnyPackage(LIBRARIES)
                .should().dependOnClassesThat().resideInAPackage("dev.rl4j.lab..")
                .check(mainClasses);
    }

    @Test
    void noOtherLibraryDependsOnTheRegressionApi() {
        noClasses().that().resideInAnyPackage("dev.rl4j.ntk..", "dev.rl4j.diagnostics..", "dev.rl4j.internals..",
                        "dev.rl4j.preqn..")
                .should().dependOnClassesThat().resideInAPackage("dev.rl4j.regression..")
                .check(mainClasses);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("dev.rl4j.(*)..").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void inTheDiagnosticsOnlyTheFacadeAndTheRl4jAdaptersImportRl4j() {
        noClasses().that().resideInAPackage("dev.rl4j.diagnostics..")
                .and().resideOutsideOfPackage("dev.rl4j.diagnostics.rl4j..")
                .and(not(facadeOrNested()))
                .should().dependOnClassesThat().resideInAPackage("org.deeplearning4j.rl4j..")
                .check(mainClasses);
    }

    @Test
    void onlyTheInternalsReadRl4jByReflection() {
        noClasses().that().resideInAPackage("dev.rl4j..")
                .and().resideOutsideOfPackage("dev.rl4j.internals..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
                .orShould().callMethod(Class.class, "getDeclaredField", String.class)
                .orShould().callMethod(Class.class, "getDeclaredFields")
                .orShould().callMethod(Class.class, "getDeclaredMethod", String.class, Class[].class)
                .orShould().callMethod(Class.class, "getDeclaredMethods")
                .check(mainClasses);
    }

    private static DescribedPredicate<JavaClass> named(String fullName) {
        return DescribedPredicate.describe(fullName, c -> c.getName().equals(fullName));
    }

    /** NtkDiagnostics and its nested types (the builder). */
    private static DescribedPredicate<JavaClass> facadeOrNested() {
        return DescribedPredicate.describe(FACADE + " or a type nested in it",
                c -> c.getName().equals(FACADE) || c.getName().startsWith(FACADE + "$"));
    }
}
