package org.adabet.jobs.stage;

import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.Claims;
import org.adabet.report.MethodTests;
import org.adabet.report.SeedAccuracy;
import org.adabet.report.TestRow;
import org.adabet.report.TestsTable;

/**
 * layers + selections + retrain runs -> {@code tests}, {@code tests.md}, {@code claims.md}: paired
 * tests of every method against adabet at the same budget, and the paper's claims beside ours.
 * Per-seed accuracies and per-pair peaks come from Spark SQL aggregations ({@link TestsQuery});
 * only the small paired tests run on the driver.
 */
final class TestsStage extends Stage {
    TestsStage() {
        super(
                "tests",
                List.of(Tables.LAYERS, Tables.SELECTIONS, Tables.RETRAIN_RUNS),
                List.of(Tables.TESTS, "tests.md", "claims.md"));
    }

    @Override
    public void run(StageContext c) {
        List<SeedAccuracy> accuracies = TestsQuery.collectAccuracies(c);
        List<TestRow> tests = MethodTests.of(accuracies);
        c.write(
                Tables.TESTS,
                Tables.TESTS_SCHEMA,
                tests.stream().map(t -> Tables.testRow(c.runId(), t)).toList());
        c.folder().writeText("tests.md", TestsTable.toMarkdown(tests));
        c.folder()
                .writeText(
                        "claims.md",
                        Claims.toMarkdown(
                                c.config().name(), accuracies, TestsQuery.collectPeaks(c), tests));
    }
}
