package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.ComparisonRow;
import org.adabet.report.ComparisonTable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison table built by the comparison stage's Spark SQL query equals, to the printed
 * precision (the whole CSV and Markdown text), the one the driver used to build in Java loops
 * ({@link LegacyComparison}) from the same run's rows. The sweep has what the aggregation must get
 * right: two seeds (an sd and a t interval), a drawn method (two draws per seed in one group),
 * methods without a budget, rho and memory budgets, and failed selections (a 1 KB budget fits no
 * layer: NaN means, failed counts, params of no successful run).
 */
@Tag("spark")
class ComparisonSqlTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("comparison-sql-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theSqlTableEqualsTheDriverLoopsTableOnTheSameRuns(@TempDir Path dir) throws Exception {
        SweepConfig config =
                TinySweep.config(
                        dir.resolve("models"),
                        dir.resolve("results").toString(),
                        "name=sqltest",
                        "data.target.train-per-class=12",
                        "statistics.batches=2",
                        "retrain.epochs=1",
                        "retrain.seeds=[0, 1]",
                        "selection.rhos=[0.2]",
                        "selection.memory-budgets=[10M, 1K]",
                        "selection.random-draws=2",
                        "oracle.enabled=false",
                        "selection.methods=[adabet, random, full, last_layer]");
        SweepResult result = new SweepJob(spark, config, "test").run();
        Path out = Path.of(java.net.URI.create(result.outputDir()));

        Map<String, Integer> layerCounts = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve(Tables.LAYERS).toString()).collectAsList()) {
            layerCounts.merge(r.getAs("pair"), 1, Integer::sum);
        }
        ComparisonTable legacy =
                LegacyComparison.of(result.retraining(), layerCounts, config.devices());

        // The sweep exercises what it should, or the equality below proves little.
        List<ComparisonRow> rows = legacy.rows();
        assertEquals(2 * (3 + 3 + 1 + 1), rows.size(), "pairs x (methods x budgets)");
        assertTrue(
                rows.stream()
                        .anyMatch(
                                r ->
                                        r.method().equals("random")
                                                && r.runs() == 4
                                                && !Double.isNaN(r.accuracy().ci95Low())),
                "random: 2 seeds x 2 draws in one group, with an interval");
        assertTrue(
                rows.stream().anyMatch(r -> r.runs() == 0 && r.failed() > 0),
                "a group whose every selection failed");

        assertEquals(legacy.toCsv(), Files.readString(out.resolve("comparison.csv")));
        assertEquals(legacy.toMarkdown(), Files.readString(out.resolve("comparison.md")));
        assertEquals(legacy.toCsv(), result.comparison().toCsv());

        // The Parquet table holds the same rows, numbered in the same order.
        List<Row> table =
                spark.read()
                        .parquet(out.resolve(Tables.COMPARISON).toString())
                        .orderBy("position")
                        .collectAsList();
        assertEquals(rows.size(), table.size());
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow want = rows.get(i);
            Row got = table.get(i);
            assertEquals(
                    List.of(want.pair(), want.method(), want.budget(), want.runs(), want.failed()),
                    List.of(
                            got.getAs("pair"),
                            got.getAs("method"),
                            got.getAs("budget"),
                            got.getAs("runs"),
                            got.getAs("failed")),
                    "row " + i);
            Double mean = got.getAs("acc_mean");
            assertEquals(
                    String.format(java.util.Locale.ROOT, "%.2f", want.accuracy().mean()),
                    mean == null ? "NaN" : String.format(java.util.Locale.ROOT, "%.2f", mean),
                    "acc_mean of row " + i);
            assertEquals(want.peakMemoryBytes(), got.<Long>getAs("peak_mem_bytes"));
        }
    }
}
