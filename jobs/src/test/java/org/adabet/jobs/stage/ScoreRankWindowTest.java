package org.adabet.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.adabet.jobs.LocalSpark;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.LayerInfo;
import org.adabet.selection.LayerRanking;
import org.adabet.sweep.Pair;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code rank} column of {@code layer_scores}, computed by the scores stage's SQL window, is
 * the library's ranking ({@link LayerRanking#order}) for every pair and method, on scores made to
 * hit its edges: ties, NaN, infinities, and 0.0 beside -0.0.
 */
@Tag("spark")
class ScoreRankWindowTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("score-rank-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theWindowRanksAsLayerRankingAndKeepsTheRowsOrder() {
        double[] pool = {
            0.0,
            -0.0,
            1.0,
            1.0,
            -2.5,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            3e-300,
            0.5
        };
        Random random = new Random(42);
        List<Row> rows = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (String target : List.of("a", "b", "c")) {
            Pair pair = new Pair("convnet_s", target);
            List<LayerInfo> layers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                layers.add(
                        new LayerInfo(i, "l" + i, "conv", 10, 1, 100, 100, 4, 1000, true, false));
            }
            for (String method : List.of("m1", "m2", "m3", "m4")) {
                // Two statistics draws of one method are ranked apart.
                for (int draw = 0; draw < 2; draw++) {
                    Map<String, Double> scores = new LinkedHashMap<>();
                    layers.forEach(l -> scores.put(l.name(), pool[random.nextInt(pool.length)]));
                    rows.addAll(Tables.scoreRows("run", pair, method, draw, layers, scores));
                    List<LayerInfo> order = LayerRanking.order(layers, scores);
                    layers.forEach(l -> expected.add(order.indexOf(l) + 1));
                }
            }
        }
        List<Row> ranked = ScoresStage.ranked(spark, rows).collectAsList();
        assertEquals(
                List.of(Tables.LAYER_SCORES_SCHEMA.fieldNames()),
                List.of(ScoresStage.ranked(spark, rows).schema().fieldNames()));
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Row in = rows.get(i);
            Row out = ranked.get(i);
            assertEquals(
                    List.of(in.get(1), in.get(2), in.get(3), in.get(5)),
                    List.of(
                            out.getAs("pair"),
                            out.getAs("method"),
                            out.getAs("draw"),
                            out.getAs("layer")),
                    "row " + i + " kept its place");
            ranks.add(out.getAs("rank"));
        }
        assertEquals(expected, ranks);
    }
}
