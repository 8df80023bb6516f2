package io.lumasync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of ARCHITECTURE.md, checked on the compiled classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lumasync");
    }

    @Test
    void javaFxOnlyInTheDesktopPackages() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("io.lumasync.ui..", "io.lumasync.tray..", "io.lumasync.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("the CLI and the daemon must run headless, without a display or JavaFX");
        rule.check(classes);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.lumasync.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lumasync.image..", "io.lumasync.http..",
                        "io.lumasync.store..", "io.lumasync.auth..", "io.lumasync.source..", "io.lumasync.destination..",
                        "io.lumasync.sync..", "io.lumasync.platform..", "io.lumasync.ui..", "io.lumasync.tray..",
                        "io.lumasync.cli..", "io.lumasync.app..")
                .because("core holds the records every layer shares").check(classes);
    }

    @Test
    void adaptersNeverReachIntoTheEngineStoreOrUi() {
        noClasses().that().resideInAnyPackage("io.lumasync.source..", "io.lumasync.destination..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lumasync.sync..", "io.lumasync.store..",
                        "io.lumasync.ui..", "io.lumasync.tray..", "io.lumasync.cli..", "io.lumasync.app..")
                .because("adapters only classify and translate; the engine decides").check(classes);
    }

    @Test
    void adaptersNeverImportASiblingAdapter() {
        slices().matching("io.lumasync.destination.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.lumasync.destination"))
                .because("a new adapter is one package + one registry line").check(classes);
        slices().matching("io.lumasync.source.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("io.lumasync.source"))
                .because("a new adapter is one package + one registry line").check(classes);
    }

    @Test
    void nothingImportsTheAppPackage() {
        noClasses().that().resideOutsideOfPackage("io.lumasync.app..")
                .should().dependOnClassesThat().resideInAPackage("io.lumasync.app..")
                .because("app wires everything and is the top").check(classes);
    }

    @Test
    void theEngineKnowsNoDesktopOrCommandLine() {
        noClasses().that().resideInAnyPackage("io.lumasync.sync..", "io.lumasync.store..", "io.lumasync.image..",
                        "io.lumasync.http..", "io.lumasync.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("io.lumasync.ui..", "io.lumasync.tray..",
                        "io.lumasync.cli..")
                .because("the GUI, tray, CLI are doors into one engine").check(classes);
    }
}
