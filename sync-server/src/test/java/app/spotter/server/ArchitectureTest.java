package app.spotter.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of the architecture, kept true by the build. */
class ArchitectureTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.spotter.server");

    @Test
    void handlersDoHttpOnlyAndNeverTouchHibernate() {
        noClasses().that().haveSimpleNameEndingWith("Handler")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "jakarta.persistence..")
                .because("handlers do HTTP; services own transactions and repositories own Hibernate")
                .check(SERVER);
    }

    @Test
    void servicesAndRepositoriesKnowNothingOfHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..")
                .because("rules and persistence must be callable without a web server")
                .check(SERVER);
    }

    @Test
    void theServerNeverImportsJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "retrofit2..")
                .check(SERVER);
    }

    @Test
    void entitiesStayInsideTheServer() {
        classes().that().areAnnotatedWith(jakarta.persistence.Entity.class)
                .should().resideInAPackage("app.spotter.server..")
                .check(SERVER);
    }
}
