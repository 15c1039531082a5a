package org.adabet.jobs.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.LayerInfo;
import org.adabet.report.Agreements;
import org.adabet.report.RankStability;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairSelectionInputs;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * layers + layer and gradient statistics -> {@code layer_scores}: every scoring method's score of
 * each candidate layer of each pair from draw 0's statistics and, for each further statistics draw,
 * the scores of the methods that read those statistics (for rank stability); the {@code rank} of
 * each score within its pair, method and draw is computed by a SQL window over the whole table
 * ({@link #RANK}).
 */
final class ScoresStage extends Stage {
    /**
     * The project's one ranking rule ({@code selection.LayerRanking}: higher score first, equal
     * scores to the earlier layer) as a window. Spark orders doubles with NaN above everything and
     * -0.0 equal to 0.0, where Java's {@code Double.compare} on the negated score puts NaN last and
     * 0.0 before -0.0: the first and third keys make the two agree.
     */
    static final String RANK =
            "row_number() OVER (PARTITION BY pair, method, draw ORDER BY isnan(score), score DESC,"
                    + " CAST(score AS STRING) = '-0.0', layer_index)";

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
        c.write(Tables.LAYER_SCORES, ranked(c.spark(), rows));
    }

    /**
     * {@link Tables#scoreRows} with their rank added by {@link #RANK}, in the given order (pairs,
     * methods, layers).
     */
    static Dataset<Row> ranked(SparkSession spark, List<Row> unranked) {
        List<StructField> fields = new ArrayList<>(Tables.LAYER_SCORES_UNRANKED);
        fields.add(new StructField("position", DataTypes.IntegerType, false, Metadata.empty()));
        List<Row> numbered = new ArrayList<>();
        for (Row r : unranked) {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < r.length(); i++) {
                values[i] = r.get(i);
            }
            values[values.length - 1] = numbered.size();
            numbered.add(RowFactory.create(values));
        }
        return spark.createDataFrame(numbered, new StructType(fields.toArray(new StructField[0])))
                .withColumn("rank", expr(RANK))
                .orderBy("position")
                .select(
                        Arrays.stream(Tables.LAYER_SCORES_SCHEMA.fieldNames())
                                .map(n -> col(n))
                                .toArray(Column[]::new));
    }
}
