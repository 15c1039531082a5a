package org.adabet.jobs.stage;

import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.Claims;
import org.adabet.report.MethodTests;
import org.adabet.report.TestRow;
import org.adabet.report.TestsTable;
import org.adabet.sweep.RetrainOutcome;

/**
 * layers + selections + retrain runs -> {@code tests}, {@code tests.md}, {@code claims.md}: paired
 * tests of every method against adabet at the same budget, and the paper's claims beside ours.
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
        List<RetrainOutcome> outcomes = RetrainStage.retrainOutcomes(c);
        List<TestRow> tests = MethodTests.of(outcomes);
        c.write(
                Tables.TESTS,
                Tables.TESTS_SCHEMA,
                tests.stream().map(t -> Tables.testRow(c.runId(), t)).toList());
        c.folder().writeText("tests.md", TestsTable.toMarkdown(tests));
        c.folder().writeText("claims.md", Claims.toMarkdown(c.config().name(), outcomes, tests));
    }
}
