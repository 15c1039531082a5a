package org.adabet.jobs.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adabet.jobs.LocalSpark;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.io.RunsIndex;
import org.adabet.provenance.RunSummary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two run folders made by the test (an index row + one Parquet table each), queried as a user
 * would.
 */
@Tag("spark")
class ResultsCatalogTest {
    private static SparkSession spark;
    @TempDir static Path results;

    @BeforeAll
    static void twoRuns() throws Exception {
        spark = LocalSpark.session("results-catalog-test", "local[1]");
        run("aaaa111100000000", "2026-12-01T10:00:00Z", "adabet", 0.5);
        run("bbbb222200000000", "2026-12-02T10:00:00Z", "pair \"a,b\"", 0.75);
        Files.createDirectories(results.resolve("not-a-run"));
        Files.createDirectories(results.resolve("quick/runs/not-a-table"));
    }

    private static void run(String id, String created, String method, double acc) throws Exception {
        RunFolder dir =
                RunFolder.of(
                        results.toString(),
                        "quick",
                        created.substring(0, 10),
                        id,
                        spark.sparkContext().hadoopConfiguration());
        new RunsIndex(spark, results.toString())
                .write(
                        new RunSummary(
                                id,
                                "quick",
                                created.substring(0, 10),
                                created,
                                created,
                                "abc",
                                "c0ffee",
                                RunSummary.COMPLETE,
                                1,
                                4,
                                0,
                                4,
                                0,
                                dir.uri(),
                                "local[1]",
                                "0.1"));
        spark.sql(
                        "SELECT '"
                                + id
                                + "' AS run_id, '"
                                + method.replace("'", "\\'")
                                + "' AS method, "
                                + acc
                                + "D AS best_acc")
                .write()
                .parquet(dir.table("retrain_runs"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void latestIsTheNewestRunAndAPrefixFindsOne() {
        ResultsCatalog catalog = new ResultsCatalog(spark, results.toString());
        assertEquals(
                List.of("aaaa111100000000", "bbbb222200000000"),
                catalog.runs().stream().map(ResultsCatalog.RunFolderInfo::runId).toList());
        assertEquals("bbbb222200000000", catalog.find("latest").runId());
        assertEquals("aaaa111100000000", catalog.find("aaaa").runId());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> catalog.find("cccc"));
        assertEquals(
                "no run 'cccc' under "
                        + results
                        + "; runs there: aaaa111100000000, bbbb222200000000",
                e.getMessage());
    }

    @Test
    void theRunsTablesAndTheIndexAreViews() {
        ResultsCatalog catalog = new ResultsCatalog(spark, results.toString());
        assertEquals(List.of("retrain_runs"), catalog.register(catalog.find("aaaa")));
        assertEquals(0.5, spark.sql("SELECT best_acc FROM retrain_runs").first().getDouble(0));
        Dataset<Row> runs =
                spark.sql("SELECT run_id, name, status, failures FROM runs ORDER BY created");
        assertEquals(2, runs.count());
        assertEquals("quick", runs.first().getString(1));
    }

    @Test
    void markdownEscapesPipesAndCsvQuotesCommasAndQuotes() {
        ResultsCatalog catalog = new ResultsCatalog(spark, results.toString());
        catalog.register(catalog.find("latest"));
        Dataset<Row> q =
                spark.sql(
                        "SELECT method, best_acc, concat(method, '|x') AS piped FROM retrain_runs");
        assertEquals(
                "| method | best_acc | piped |\n|---|---|---|\n| pair \"a,b\" | 0.75 | pair \"a,b\"\\|x |\n",
                ResultPrinter.markdown(q));
        assertEquals(
                "method,best_acc,piped\r\n\"pair \"\"a,b\"\"\",0.75,\"pair \"\"a,b\"\"|x\"\r\n",
                ResultPrinter.csv(q));
    }

    @Test
    void aMissingLocationIsNamed() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new ResultsCatalog(spark, results.resolve("nowhere").toString())
                                        .runs());
        assertTrue(
                e.getMessage().contains("nowhere") && e.getMessage().contains("does not exist"),
                e.getMessage());
    }
}
