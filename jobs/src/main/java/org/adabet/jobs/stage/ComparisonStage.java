package org.adabet.jobs.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.ComparisonTable;

/**
 * layers + selections + retrain runs -> {@code comparison.csv} and {@code comparison.md}: per pair,
 * method and budget, the runs' accuracies and costs summarised over seeds.
 */
final class ComparisonStage extends Stage {
    ComparisonStage() {
        super(
                "comparison",
                List.of(Tables.LAYERS, Tables.SELECTIONS, Tables.RETRAIN_RUNS),
                List.of("comparison.csv", "comparison.md"));
    }

    @Override
    public void run(StageContext c) {
        ComparisonTable table = table(c);
        c.folder().writeText("comparison.csv", table.toCsv());
        c.folder().writeText("comparison.md", table.toMarkdown());
    }

    /** The comparison table, computed from the run's tables. */
    static ComparisonTable table(StageContext c) {
        Map<String, Integer> layerCounts = new LinkedHashMap<>();
        c.layers().layers().forEach((p, l) -> layerCounts.put(p.key(), l.size()));
        return ComparisonTable.of(
                RetrainStage.retrainOutcomes(c), layerCounts, c.config().devices());
    }
}
