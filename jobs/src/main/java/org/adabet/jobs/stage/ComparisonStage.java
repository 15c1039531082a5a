package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.ComparisonGroup;
import org.adabet.report.ComparisonRow;
import org.adabet.report.ComparisonTable;
import org.apache.spark.sql.Row;

/**
 * layers + selections + retrain runs -> {@code comparison}, {@code comparison.csv} and {@code
 * comparison.md}: per pair, method and budget, the runs' accuracies and costs summarised over seeds
 * by one Spark SQL query ({@link ComparisonQuery}); the driver only formats its rows.
 */
final class ComparisonStage extends Stage {
    ComparisonStage() {
        super(
                "comparison",
                List.of(Tables.LAYERS, Tables.SELECTIONS, Tables.RETRAIN_RUNS),
                List.of(Tables.COMPARISON, "comparison.csv", "comparison.md"));
    }

    @Override
    public void run(StageContext c) {
        ComparisonTable table = table(c);
        List<Row> rows = new ArrayList<>();
        for (ComparisonRow r : table.rows()) {
            rows.add(Tables.comparisonRow(c.runId(), rows.size(), r, c.config().devices()));
        }
        c.write(Tables.COMPARISON, Tables.COMPARISON_SCHEMA, rows);
        c.folder().writeText("comparison.csv", table.toCsv());
        c.folder().writeText("comparison.md", table.toMarkdown());
    }

    /** The comparison table, computed from the run's tables. */
    static ComparisonTable table(StageContext c) {
        return ComparisonTable.of(
                ComparisonQuery.collect(c).stream()
                        .map((ComparisonGroup g) -> g.toRow(c.config().devices()))
                        .toList(),
                c.config().devices());
    }
}
