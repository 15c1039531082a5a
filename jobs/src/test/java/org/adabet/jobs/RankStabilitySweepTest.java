package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A tiny sweep with three statistics draws and two oracle seeds: the draws reach the statistics and
 * scores tables, selections keep draw 0, and rank_stability and the agreement's oracle columns are
 * written. Its folder stays under {@code target/rank-stability-sweep/} for a look.
 */
@Tag("spark")
class RankStabilitySweepTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("adabet-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void drawsFeedRankStabilityAndTheAgreementCarriesItsCeilingAndIntervals() throws IOException {
        Path dir = Path.of("target", "rank-stability-sweep").toAbsolutePath();
        delete(dir.resolve("results"));
        SweepResult result =
                new SweepJob(
                                spark,
                                TinySweep.config(
                                        dir.resolve("models"),
                                        dir.resolve("results").toString(),
                                        "name=stability",
                                        "data.target.train-per-class=12",
                                        "statistics.batches=2",
                                        "statistics.batch-draws=3",
                                        "retrain.epochs=1",
                                        "retrain.seeds=[0, 1]",
                                        "selection.rhos=[0.2]",
                                        "selection.memory-budgets=[10M]",
                                        "selection.methods=[adabet, fisher, random]"),
                                "test")
                        .run();
        Path out = Path.of(java.net.URI.create(result.outputDir()));
        // 3 draws x 2 pairs x 2 batches x 11 layers.
        assertTable(out, Tables.LAYER_STATISTICS, Tables.LAYER_STATISTICS_SCHEMA, 132);
        // Draw 0: 10 scoring methods (LayerScores as in SweepJobTest); draws 1 and 2: the 5 AdaBet
        // variants, the only ones reading the statistics batches. 2 pairs x 11 layers.
        Dataset<Row> scores =
                assertTable(
                        out, Tables.LAYER_SCORES, Tables.LAYER_SCORES_SCHEMA, 22 * (10 + 2 * 5));
        assertEquals(0, scores.filter("draw > 0 and method in ('fisher', 'random')").count());
        // Other batches, other statistics: some adabet score moves between draws 0 and 1.
        assertTrue(
                scores.filter("method = 'adabet' and draw = 0")
                                .select("pair", "layer", "score")
                                .except(
                                        scores.filter("method = 'adabet' and draw = 1")
                                                .select("pair", "layer", "score"))
                                .count()
                        > 0);
        // Selections keep draw 0: adabet at rho = 0.2 trains draw 0's two best layers.
        for (Row sel :
                spark.read()
                        .parquet(out.resolve(Tables.SELECTIONS).toString())
                        .filter("method = 'adabet' and budget = 'rho=0.2' and seed = 0")
                        .collectAsList()) {
            List<String> top =
                    scores
                            .filter(
                                    "method = 'adabet' and draw = 0 and rank <= 2 and pair = '"
                                            + sel.getAs("pair")
                                            + "'")
                            .select("layer")
                            .collectAsList()
                            .stream()
                            .map(r -> r.getString(0))
                            .sorted()
                            .toList();
            assertEquals(top, sel.getList(sel.fieldIndex("layers")).stream().sorted().toList());
        }
        // Draws: 2 pairs x 5 AdaBet variants; targets: convnet_s x 10 scoring methods.
        Dataset<Row> stability =
                assertTable(out, Tables.RANK_STABILITY, Tables.RANK_STABILITY_SCHEMA, 10 + 10);
        assertEquals(10, stability.filter("scope = 'draws' and raters = 3").count());
        assertEquals(10, stability.filter("scope = 'targets' and raters = 2").count());
        assertEquals(
                0,
                stability
                        .filter("kendall_w is not null and (kendall_w < 0 or kendall_w > 1)")
                        .count());

        Dataset<Row> agreement =
                assertTable(out, Tables.AGREEMENT, Tables.AGREEMENT_SCHEMA, 2 * 10);
        assertEquals(0, agreement.filter("oracle_failed_layers != 0").count());
        // Two seeds: one split, so a ceiling exactly where each seed's gains rank the layers (are
        // not all equal); one ceiling per pair.
        assertEquals(2, agreement.select("pair", "noise_ceiling").distinct().count());
        Dataset<Row> oracle = spark.read().parquet(out.resolve(Tables.ORACLE_RUNS).toString());
        oracle.createOrReplaceTempView("stability_oracle");
        spark.sql(
                        "SELECT pair, layers[0] AS layer, seed, round(test_acc - acc_before, 4) AS"
                                + " gain FROM stability_oracle ORDER BY pair, seed, layer")
                .show(50, false);
        for (Row r :
                spark.sql(
                                "SELECT pair, min(levels) > 1 AS ranked FROM (SELECT pair, seed,"
                                        + " count(DISTINCT round(test_acc - acc_before, 9)) AS"
                                        + " levels FROM stability_oracle GROUP BY pair, seed)"
                                        + " GROUP BY pair")
                        .collectAsList()) {
            long withCeiling =
                    agreement
                            .filter("noise_ceiling is not null and pair = '" + r.getString(0) + "'")
                            .count();
            assertEquals(r.getBoolean(1), withCeiling > 0, r.toString());
        }
        assertEquals(
                0,
                agreement
                        .filter(
                                "spearman is not null and (spearman_ci95_low is null"
                                        + " or spearman_ci95_low > spearman_ci95_high)")
                        .count());
        String md = Files.readString(out.resolve("agreement.md"));
        assertTrue(md.contains("### The oracle per pair"), md);
        assertTrue(md.contains("noise ceiling"), md);
        String stable = Files.readString(out.resolve("rank_stability.md"));
        assertTrue(stable.contains("| convnet_s/"), stable);
        System.out.println(md);
        System.out.println(stable);
    }

    private static Dataset<Row> assertTable(Path out, String table, StructType schema, long rows) {
        Dataset<Row> df = spark.read().parquet(out.resolve(table).toString());
        assertEquals(List.of(schema.fieldNames()), List.of(df.schema().fieldNames()), table);
        assertEquals(rows, df.count(), table + " rows");
        return df;
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
