package io.lumasync;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of ARCHITECTURE.md, checked on the compiled classes: one rule per row of the package table,
 * plus the sentences under it and a cycle check. Where the code has a good reason to differ from the table, the rule
 * allows it and its {@code because} says why.
 */
class ArchitectureTest {
    private static final String CORE = "io.lumasync.core..";
    private static final String IMAGE = "io.lumasync.image..";
    private static final String HTTP = "io.lumasync.http..";
    private static final String STORE = "io.lumasync.store..";
    private static final String AUTH = "io.lumasync.auth..";
    private static final String PLATFORM = "io.lumasync.platform..";
    private static final String SYNC = "io.lumasync.sync..";
    private static final String MCP = "io.lumasync.mcp..";
    /** The interface packages alone, without the adapters below them. */
    private static final String SOURCE_API = "io.lumasync.source";
    private static final String DESTINATION_API = "io.lumasync.destination";
    private static final String UI_COMMON = "io.lumasync.ui.common..";
    /** The GUI's one reader of image files, with its nested classes. */
    private static final DescribedPredicate<JavaClass> THUMBNAILS = DescribedPredicate.describe("the thumbnail maker",
            c -> c.getName().startsWith("io.lumasync.ui.common.Thumbnails"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lumasync");
    }

    /** Classes of {@code layer} use no Lumasync class outside {@code allowed} (the layer itself is always allowed). */
    private static ArchRule layer(String layer, String... allowed) {
        return uses(resideInAPackage(layer), Stream.concat(Stream.of(layer), Stream.of(allowed)).toArray(String[]::new));
    }

    /** The classes matching {@code who} use no Lumasync class outside the {@code allowed} packages. */
    private static ArchRule uses(DescribedPredicate<? super JavaClass> who, String... allowed) {
        return noClasses().that(who)
                .should().dependOnClassesThat(resideInAPackage("io.lumasync..").and(not(resideInAnyPackage(allowed))));
    }

    @Test
    void coreUsesTheJdkOnly() {
        classes().that().resideInAPackage(CORE)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", CORE)
                .because("core holds the records every layer shares, so it can depend on nothing but the JDK")
                .check(classes);
    }

    @Test
    void imageUsesCoreOnly() {
        layer(IMAGE, CORE)
                .because("the image pipeline turns bytes into bytes; it never knows where they came from or go")
                .check(classes);
    }

    @Test
    void httpUsesCoreOnly() {
        layer(HTTP, CORE)
                .because("the one HTTP client and its error classes serve every adapter alike").check(classes);
    }

    @Test
    void storeUsesCoreOnly() {
        layer(STORE, CORE)
                .because("the database keeps records; deciding what to do with them is the engine's job").check(classes);
    }

    @Test
    void authUsesCoreHttpAndPlatform() {
        layer(AUTH, CORE, HTTP, PLATFORM)
                .because("sign-in and the vault talk HTTP and to the OS keychain, nothing else").check(classes);
    }

    @Test
    void sourcesUseCoreHttpAndAuth() {
        layer("io.lumasync.source..", CORE, HTTP, AUTH)
                .because("a source only lists and reads; the engine decides what to do with what it finds")
                .check(classes);
    }

    @Test
    void destinationsUseCoreHttpAndAuth() {
        layer("io.lumasync.destination..", CORE, HTTP, AUTH)
                .because("a destination only stores and classifies errors; the engine decides what to send")
                .check(classes);
    }

    @Test
    void theEngineNeverNamesAConcreteAdapter() {
        layer(SYNC, CORE, IMAGE, STORE, SOURCE_API, DESTINATION_API, AUTH, HTTP, PLATFORM)
                .because("the engine reaches adapters through the interfaces and registries only, so a new adapter "
                        + "is one package and one registry line; it also creates adapters, so it hands them their "
                        + "secrets (auth) and the one shared HTTP client (http), and it puts the first 'local' "
                        + "destination in the OS's pictures folder (platform)")
                .check(classes);
    }

    /**
     * The compiler copies constants (an adapter's {@code ID}) into the classes that use them, so the bytecode rules
     * above cannot see them; the source's imports and qualified names can.
     */
    @Test
    void noDoorOrEngineSourceFileNamesAConcreteAdapter() throws IOException {
        Pattern adapterName = Pattern.compile("\\bio\\.lumasync\\.(source|destination)\\.[a-z0-9]+\\.[A-Z]\\w*");
        List<String> offenders = new ArrayList<>();
        for (String layer : List.of("sync", "cli", "ui", "tray")) {
            try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/lumasync", layer))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = adapterName.matcher(Files.readString(f));
                    while (m.find()) {
                        offenders.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertThat(offenders).as("the engine and the doors reach adapters through the registries, by id").isEmpty();
    }

    @Test
    void platformUsesCoreOnly() {
        layer(PLATFORM, CORE)
                .because("OS specifics stay behind small interfaces that know nothing of Lumasync's work")
                .check(classes);
    }

    @Test
    void desktopUsesTheEngineNotItsParts() {
        String[] desktop = {"io.lumasync.ui..", SYNC, CORE, AUTH, STORE, PLATFORM, SOURCE_API, DESTINATION_API};
        uses(resideInAPackage("io.lumasync.ui..").and(not(THUMBNAILS)), desktop)
                .because("the GUI is a door into the engine; it builds its forms from the adapter-type registries "
                        + "(fields, capabilities) but never names a concrete adapter, and Settings switches autostart "
                        + "(platform)")
                .check(classes);
        uses(THUMBNAILS, Stream.concat(Stream.of(desktop), Stream.of(IMAGE)).toArray(String[]::new))
                .because("thumbnails of files that can hold anything are decoded only by the image pipeline, the one "
                        + "guard for untrusted bytes; nothing else in the GUI converts images")
                .check(classes);
        layer("io.lumasync.tray..", SYNC, CORE, AUTH, STORE, PLATFORM, UI_COMMON)
                .because("the tray is a door into the engine and shares the GUI's common parts (texts, tasks, "
                        + "windows); the GUI never reaches back into it, so the app wires both")
                .check(classes);
    }

    @Test
    void doorsReadOnlyTheStoresReadModels() {
        noClasses().that().resideInAnyPackage("io.lumasync.ui..", "io.lumasync.tray..")
                .should().dependOnClassesThat(storeInternals())
                .because("the GUI shows what the engine reports; reading or writing tables itself would bypass the "
                        + "journal and the sync map's rules")
                .check(classes);
    }

    @Test
    void sqlIsWrittenOnlyInTheStore() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.ResultSet")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.SQLException")
                .because("the tables' shape is the store's to know and to migrate; a query elsewhere breaks "
                        + "silently when a column changes, and a database failure is put into words once, by the "
                        + "store (StoreException)")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> storeInternals() {
        return DescribedPredicate.describe("store classes other than records and enums (read models)",
                c -> c.getPackageName().startsWith("io.lumasync.store") && !c.isRecord() && !c.isEnum());
    }

    @Test
    void commandLineUsesTheEngineNotItsParts() {
        layer("io.lumasync.cli..", SYNC, CORE, AUTH, STORE, SOURCE_API, DESTINATION_API, MCP)
                .because("each command is a thin shell over the engine; it lists the adapter types and their "
                        + "options from the registries but never names a concrete adapter (`lumasync mcp` hands "
                        + "stdio to the MCP door)")
                .check(classes);
    }

    @Test
    void mcpServerUsesTheEngineNotItsParts() {
        layer(MCP, SYNC, CORE, STORE, SOURCE_API)
                .because("every MCP tool is one engine action; the server holds no logic of its own and reads the "
                        + "store's and the sources' records only as the engine hands them out")
                .check(classes);
        noClasses().that().resideInAPackage(MCP).should().dependOnClassesThat(storeInternals())
                .because("reading or writing tables from the MCP door would bypass the journal and the sync map's "
                        + "rules")
                .check(classes);
    }

    @Test
    void nothingImportsTheAppPackage() {
        noClasses().that().resideOutsideOfPackage("io.lumasync.app..")
                .should().dependOnClassesThat().resideInAPackage("io.lumasync.app..")
                .because("app wires everything and is the top").check(classes);
    }

    @Test
    void adaptersNeverImportASiblingAdapter() {
        slices().matching("io.lumasync.destination.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(DESTINATION_API))
                .because("a new adapter is one package + one registry line").check(classes);
        slices().matching("io.lumasync.source.(*)..").should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(SOURCE_API))
                .because("a new adapter is one package + one registry line").check(classes);
    }

    @Test
    void adaptersNeverReachIntoTheEngineStoreOrUi() {
        noClasses().that().resideInAnyPackage("io.lumasync.source..", "io.lumasync.destination..")
                .should().dependOnClassesThat().resideInAnyPackage(SYNC, STORE, "io.lumasync.ui..",
                        "io.lumasync.tray..", "io.lumasync.cli..", "io.lumasync.app..")
                .because("adapters only classify and translate; the engine decides").check(classes);
    }

    @Test
    void javaFxOnlyInTheDesktopPackages() {
        noClasses().that().resideOutsideOfPackages("io.lumasync.ui..", "io.lumasync.tray..", "io.lumasync.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .because("the CLI and the daemon must run headless, without a display or JavaFX").check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.lumasync.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two layers one: neither can change, be tested or be left out alone")
                .check(classes);
    }
}
