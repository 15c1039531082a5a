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
import org.adabet.report.Claims;
import org.adabet.report.ComparisonRow;
import org.adabet.report.ComparisonTable;
import org.adabet.report.MethodTests;
import org.adabet.report.PairPeak;
import org.adabet.report.SeedAccuracy;
import org.adabet.report.TestRow;
import org.adabet.report.TestsTable;
import org.adabet.sweep.RetrainOutcome;
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
 *
 * <p>Likewise tests.md, claims.md and the {@code tests} table, built by the tests stage from its
 * Spark SQL per-seed accuracies and per-pair peaks, equal to the last bit what the outcome-based
 * aggregation ({@link SeedAccuracy#of}, {@link PairPeak#of}: the driver loops the stage used to
 * run) gives from the same runs. Two gradient methods make claims.md's accuracy and memory rows,
 * their mean included.
 */
@Tag("spark")
class ComparisonSqlTest {
    private static SparkSession spark;
    @TempDir static Path dir;
    private static SweepConfig config;
    private static SweepResult result;
    private static Path out;

    /** One sweep for both tests. */
    @BeforeAll
    static void start() {
        spark = LocalSpark.session("comparison-sql-test", "local[2]");
        config =
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
                        "selection.methods=[adabet, random, full, last_layer, fisher, rgn]");
        result = new SweepJob(spark, config, "test").run();
        out = Path.of(java.net.URI.create(result.outputDir()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void theSqlTableEqualsTheDriverLoopsTableOnTheSameRuns() throws Exception {
        Map<String, Integer> layerCounts = new TreeMap<>();
        for (Row r : spark.read().parquet(out.resolve(Tables.LAYERS).toString()).collectAsList()) {
            layerCounts.merge(r.getAs("pair"), 1, Integer::sum);
        }
        ComparisonTable legacy =
                LegacyComparison.of(result.retraining(), layerCounts, config.devices());

        // The sweep exercises what it should, or the equality below proves little.
        List<ComparisonRow> rows = legacy.rows();
        assertEquals(2 * (3 + 3 + 3 + 3 + 1 + 1), rows.size(), "pairs x (methods x budgets)");
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

    @Test
    void theSqlTestsAndClaimsEqualTheOutcomeBasedOnes() throws Exception {
        List<RetrainOutcome> outcomes = result.retraining();
        List<SeedAccuracy> accuracies = SeedAccuracy.of(outcomes);
        List<TestRow> tests = MethodTests.of(accuracies);
        String claims = Claims.toMarkdown(config.name(), accuracies, PairPeak.of(outcomes), tests);

        // The sweep exercises what it should: failed runs left out, draws averaged, both
        // gradient methods' accuracy and memory rows and their mean in claims.md.
        assertTrue(outcomes.stream().anyMatch(o -> !o.succeeded()), "failed runs");
        assertTrue(
                outcomes.stream().anyMatch(o -> o.succeeded() && o.task().draw() == 1),
                "a second draw");
        assertTrue(tests.size() > 6, "tests: " + tests.size());
        for (String row :
                List.of(
                        "rho=0\\.2 \\| fisher",
                        "rho=0\\.2 \\| rgn",
                        "rho=0\\.2 \\| mean of gradient methods",
                        "mem=\\d+ \\| fisher")) {
            // Once in the accuracy table, once in the memory table, over both pairs.
            assertEquals(
                    2,
                    java.util.regex.Pattern.compile("\\| " + row + " \\| 2 \\|")
                            .matcher(claims)
                            .results()
                            .count(),
                    row + " in\n" + claims);
        }

        assertEquals(TestsTable.toMarkdown(tests), Files.readString(out.resolve("tests.md")));
        assertEquals(claims, Files.readString(out.resolve("claims.md")));
        // The table: every column, doubles to the last bit (NaN written as null alike).
        List<String> want =
                tests.stream()
                        .map(t -> Tables.testRow(result.runId(), t).toString())
                        .sorted()
                        .toList();
        List<String> got =
                spark.read().parquet(out.resolve(Tables.TESTS).toString()).collectAsList().stream()
                        .map(Row::toString)
                        .sorted()
                        .toList();
        assertEquals(want, got);
    }
}
