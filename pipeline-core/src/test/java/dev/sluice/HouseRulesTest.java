package dev.sluice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may import what in pipeline-core, checked on its class files: a change that breaks a rule fails the build
 * with the offending class and line. (pipeline-api's own rules, "api imports nothing of the runtime" and "built-in
 * stages see only api", hold by construction: those modules do not depend on pipeline-core.)
 */
class HouseRulesTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.sluice");
    }

    @Test
    void theStageRuntimeKnowsNothingOfWhoStartedIt() {
        noClasses().that().resideInAPackage("dev.sluice.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.supervisor..", "dev.sluice.cli..",
                        "dev.sluice.engine..")
                .check(core);
    }

    @Test
    void queuesAndCountersAreBelowTheRuntime() {
        noClasses().that().resideInAnyPackage("dev.sluice.queue..", "dev.sluice.counters..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.runtime..", "dev.sluice.rundir..",
                        "dev.sluice.shared..", "dev.sluice.supervisor..", "dev.sluice.cli..", "dev.sluice.metrics..")
                .check(core);
    }

    @Test
    void configurationIsReadWithoutAnythingThatRunsIt() {
        noClasses().that().resideInAPackage("dev.sluice.config..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.runtime..", "dev.sluice.rundir..",
                        "dev.sluice.shared..", "dev.sluice.supervisor..", "dev.sluice.cli..", "dev.sluice.queue..",
                        "dev.sluice.counters..", "dev.sluice.metrics..")
                .check(core);
    }

    @Test
    void theRunDirectoryAndSharedStateAreBelowTheRuntime() {
        noClasses().that().resideInAnyPackage("dev.sluice.rundir..", "dev.sluice.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.runtime..", "dev.sluice.supervisor..",
                        "dev.sluice.cli..", "dev.sluice.metrics..")
                .check(core);
    }

    @Test
    void onlyTheCommandLineAndTheFacadeSeeTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.sluice.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.sluice.cli..")
                .check(core);
    }

    @Test
    void filesAndErrorsAndOutcomesStandAlone() {
        noClasses().that().resideInAnyPackage("dev.sluice.files..", "dev.sluice.errors..", "dev.sluice.outcome..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.config..", "dev.sluice.queue..",
                        "dev.sluice.counters..", "dev.sluice.runtime..", "dev.sluice.rundir..", "dev.sluice.shared..",
                        "dev.sluice.supervisor..", "dev.sluice.cli..", "dev.sluice.metrics..", "dev.sluice.engine..")
                .check(core);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.sluice.(*)..").should().beFreeOfCycles().check(core);
    }
}
