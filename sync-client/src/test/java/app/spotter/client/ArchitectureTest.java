package app.spotter.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desk never reaches into the server: what they share is shared-model and the wire. */
@AnalyzeClasses(packages = "app.spotter.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noServerClasses = noClasses().that().resideInAPackage("app.spotter.client..")
            .should().dependOnClassesThat().resideInAPackage("app.spotter.server..");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().that().resideInAPackage("app.spotter.client..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");
}
