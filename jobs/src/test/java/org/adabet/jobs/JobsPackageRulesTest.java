package org.adabet.jobs;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The jobs and the library together form no package cycle: the drivers use the library, never the
 * reverse.
 */
class JobsPackageRulesTest {
    @Test
    void noPackageCycleAcrossJobsAndTheLibrary() {
        slices().matching("org.adabet.(**)")
                .should()
                .beFreeOfCycles()
                .check(
                        new ClassFileImporter()
                                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                .importPackages("org.adabet"));
    }
}
