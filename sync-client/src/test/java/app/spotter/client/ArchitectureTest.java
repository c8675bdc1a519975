package app.spotter.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desk never reaches into the server: what they share is shared-model and the wire. */
class ArchitectureTest {

    private static final JavaClasses DESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.spotter.client");

    @Test
    void theDeskNeverDependsOnServerClasses() {
        noClasses().that().resideInAPackage("app.spotter.client..")
                .should().dependOnClassesThat().resideInAPackage("app.spotter.server..")
                .because("the server's code runs on the server; the desk talks to it over HTTP")
                .check(DESK);
    }

    @Test
    void theSyncLibraryHasNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(DESK);
    }

    @Test
    void theDeskWasImported() {
        org.junit.jupiter.api.Assertions.assertTrue(DESK.contain("app.spotter.client.Desk"));
    }
}
