package org.memnav.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.memnav.renderers.archfixture.LeakyMapPainter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dependencies point one way (shared/DESIGN.md): app → everything; scenes → renderers, sim-bridge;
 * inference and recordings → sim-bridge's api only; sim-bridge and renderers → no other module.
 * Only app may touch JavaFX.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.memnav");

    static final ArchRule ONLY_APP_USES_JAVAFX = noClasses().that().resideInAPackage("org.memnav..")
            .and().resideOutsideOfPackage("org.memnav.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only the app module may touch JavaFX");

    @Test
    void productionCodeWasImported() {
        assertThat(PRODUCTION.containPackage("org.memnav.app")).isTrue();
        assertThat(PRODUCTION.containPackage("org.memnav.scenes.sim")).isTrue();
        assertThat(PRODUCTION.containPackage("org.memnav.simbridge.api")).isTrue();
    }

    @Test
    void onlyAppTouchesJavaFx() {
        ONLY_APP_USES_JAVAFX.check(PRODUCTION);
    }

    @Test
    void theJavaFxRuleCatchesALeak() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyMapPainter.class);
        EvaluationResult result = ONLY_APP_USES_JAVAFX.evaluate(leaky);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LeakyMapPainter").contains("javafx.scene.paint.Color");
    }

    @Test
    void nothingReachesUpIntoApp() {
        noClasses().that().resideOutsideOfPackage("org.memnav.app..")
                .should().dependOnClassesThat().resideInAPackage("org.memnav.app..")
                .check(PRODUCTION);
    }

    @Test
    void simBridgeAndRenderersDependOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.memnav.simbridge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.memnav.renderers..", "org.memnav.scenes..",
                        "org.memnav.inference..", "org.memnav.recordings..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.memnav.renderers..")
                .should().dependOnClassesThat().resideInAnyPackage("org.memnav.simbridge..", "org.memnav.scenes..",
                        "org.memnav.inference..", "org.memnav.recordings..")
                .check(PRODUCTION);
    }

    @Test
    void scenesDependOnlyOnRenderersAndSimBridge() {
        noClasses().that().resideInAPackage("org.memnav.scenes..")
                .should().dependOnClassesThat().resideInAnyPackage("org.memnav.inference..", "org.memnav.recordings..")
                .check(PRODUCTION);
    }

    @Test
    void inferenceAndRecordingsUseOnlyTheSimBridgeApi() {
        noClasses().that().resideInAnyPackage("org.memnav.inference..", "org.memnav.recordings..")
                .should().dependOnClassesThat().resideInAnyPackage("org.memnav.simbridge.protocol..",
                        "org.memnav.simbridge.server..", "org.memnav.simbridge.client..", "org.memnav.scenes..",
                        "org.memnav.renderers..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.memnav.inference..")
                .should().dependOnClassesThat().resideInAPackage("org.memnav.recordings..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage("org.memnav.recordings..")
                .should().dependOnClassesThat().resideInAPackage("org.memnav.inference..")
                .check(PRODUCTION);
    }
}
