package app.spotter.desk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The desk's arrows: desk -> sync-client -> shared-model; view models free of scene graph; one way to run work. */
class ArchitectureTest {

    private static final JavaClasses DESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.spotter.desk");

    @Test
    void theDeskNeverReachesIntoTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("app.spotter.server..")
                .because("the desk talks to the server only through sync-client")
                .check(DESK);
    }

    @Test
    void theDeskDoesNotTalkHttpOrSqlItself() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "java.sql..", "java.net.http..")
                .because("sync-client owns the wire and the local store")
                .check(DESK);
    }

    @Test
    void viewModelsUsePropertiesButNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .because("view models are tested without a stage")
                .check(DESK);
    }

    @Test
    void viewsDoNotTalkToTheDeskDirectly() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("app.spotter.client.Desk")
                .because("views show view models; view models call the desk")
                .check(DESK);
    }

    @Test
    void nothingStartsItsOwnThreadsOrHopsToTheFxThreadOutsideTheTaskExecutor() {
        noClasses().that().doNotHaveSimpleName("FxTaskExecutor")
                .should().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("one task executor runs background work and hands results to the FX thread")
                .check(DESK);
    }

    @Test
    void featuresLiveInTheirOwnPackages() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().resideInAnyPackage("app.spotter.desk.checkin", "app.spotter.desk.schedule",
                        "app.spotter.desk.members", "app.spotter.desk.kiosk", "app.spotter.desk.enroll",
                        "app.spotter.desk.shell", "app.spotter.desk.login", "app.spotter.desk.manager",
                        "app.spotter.desk.scanner")
                .check(DESK);
    }
}
