package org.adabet.jobs.stage;

import java.util.List;
import org.adabet.jobs.schema.TableDecoding;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.RankStability;
import org.adabet.report.RankStabilityRow;
import org.adabet.report.RankStabilityTable;
import org.adabet.selection.SelectionMethods;

/**
 * layers + layer scores -> {@code rank_stability} and {@code rank_stability.md}: how stable each
 * scoring method's ranking of the layers is across statistics draws of a pair, and across the
 * targets of an architecture.
 */
final class RankStabilityStage extends Stage {
    RankStabilityStage() {
        super(
                "rank_stability",
                List.of(Tables.LAYERS, Tables.LAYER_SCORES),
                List.of(Tables.RANK_STABILITY, "rank_stability.md"));
    }

    @Override
    public void run(StageContext c) {
        List<RankStabilityRow> rows = rows(c);
        c.write(
                Tables.RANK_STABILITY,
                Tables.RANK_STABILITY_SCHEMA,
                rows.stream().map(r -> Tables.rankStabilityRow(c.runId(), r)).toList());
        c.folder()
                .writeText(
                        "rank_stability.md",
                        RankStabilityTable.toMarkdown(rows, c.config().statistics().batchDraws()));
    }

    /** The rank stability rows, computed from the run's tables. */
    static List<RankStabilityRow> rows(StageContext c) {
        return RankStability.compute(
                c.layers().layers(),
                TableDecoding.scoresByDraw(
                        c.read(Tables.LAYER_SCORES),
                        c.layers().layers(),
                        SelectionMethods.names()));
    }
}
