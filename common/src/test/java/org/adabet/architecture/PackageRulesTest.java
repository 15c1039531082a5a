package org.adabet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The library's shape as rules that fail the build: {@code common} runs without Spark (executors
 * and notebooks call it as plain Java), and its packages form no cycle, so each concern can be
 * read, tested and changed on its own. Each package is its own slice ({@code model.cli} may use
 * {@code weights}, which uses {@code model}).
 */
class PackageRulesTest {
    private static final JavaClasses COMMON =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.adabet");

    @Test
    void commonNeverTouchesSparkScalaOrHadoop() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.spark..", "scala..", "org.apache.hadoop..")
                .check(COMMON);
    }

    @Test
    void commonsPackagesFormNoCycle() {
        slices().matching("org.adabet.(**)").should().beFreeOfCycles().check(COMMON);
    }
}
