package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.LayerInfo;
import org.adabet.report.Agreements;
import org.adabet.report.RankStability;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairSelectionInputs;
import org.apache.spark.sql.Row;

/**
 * layers + layer and gradient statistics -> {@code layer_scores}: every scoring method's score and
 * rank of each candidate layer of each pair, from draw 0's statistics; and, for each further
 * statistics draw, the scores of the methods that read those statistics (for rank stability).
 */
final class ScoresStage extends Stage {
    ScoresStage() {
        super(
                "scores",
                List.of(Tables.LAYERS, Tables.LAYER_STATISTICS, Tables.GRADIENT_STATISTICS),
                List.of(Tables.LAYER_SCORES));
    }

    @Override
    public void run(StageContext c) {
        Map<Pair, List<LayerInfo>> layers = c.layers().layers();
        List<Row> rows = new ArrayList<>();
        for (int draw = 0; draw < c.config().statistics().batchDraws(); draw++) {
            int d = draw;
            Map<Pair, PairSelectionInputs> inputs = c.selectionInputs(draw);
            for (Pair pair : c.pairs()) {
                Agreements.scores(c.config(), c.plan(), pair, layers.get(pair), inputs.get(pair))
                        .forEach(
                                (method, s) -> {
                                    if (d == 0
                                            || RankStability.variesByDraw(
                                                    SelectionMethods.get(method))) {
                                        rows.addAll(
                                                Tables.scoreRows(
                                                        c.runId(),
                                                        pair,
                                                        method,
                                                        d,
                                                        layers.get(pair),
                                                        s));
                                    }
                                });
            }
        }
        c.write(Tables.LAYER_SCORES, Tables.LAYER_SCORES_SCHEMA, rows);
    }
}
