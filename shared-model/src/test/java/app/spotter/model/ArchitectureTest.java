package app.spotter.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the shared model plain, so both the desk and the server can depend on it. */
class ArchitectureTest {

    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("app.spotter.model");

    @Test
    void theSharedModelDependsOnNoFrameworkUiPersistenceOrHttpLibrary() {
        noClasses().that().resideInAPackage("app.spotter.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.hibernate..", "jakarta.persistence..", "io.javalin..", "retrofit2..",
                        "okhttp3..", "com.fasterxml.jackson.databind..", "java.sql..")
                .because("shared-model is plain records and rules used by both the desk and the server")
                .check(MODEL);
    }

    @Test
    void recordsPutOnlyTheirComponentsOnTheWire() {
        // Jackson would write isX()/getX() helpers as extra JSON fields and then fail to read them back.
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : MODEL) {
            Class<?> type = javaClass.reflect();
            if (!type.isRecord()) {
                continue;
            }
            Set<String> accessors = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).collect(Collectors.toSet());
            for (Method method : type.getDeclaredMethods()) {
                boolean looksLikeGetter = method.getParameterCount() == 0 && method.getReturnType() != void.class
                        && Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && method.getName().matches("(is|get)[A-Z].*");
                if (looksLikeGetter && !accessors.contains(method.getName())
                        && !method.isAnnotationPresent(JsonIgnore.class)) {
                    leaks.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
