package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.provenance.RunSummary;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-failures N}: a sweep whose selections stage leaves more than N failures stops there
 * (exit status 3): no retraining runs, the failures table and provenance written, the run failed in
 * the runs index.
 */
@Tag("spark")
class MaxFailuresTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("max-failures-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aSweepStopsAfterTheStageThatFailsMoreThanAllowed(@TempDir Path dir) throws Exception {
        SweepConfig config =
                TinySweep.config(
                        dir.resolve("models"),
                        dir.resolve("results").toString(),
                        "name=maxfail",
                        "data.target.train-per-class=12",
                        "statistics.batches=1",
                        "retrain.epochs=1",
                        "retrain.seeds=[0]",
                        // 1 KB fits no layer: adabet's selection fails on each of the 2 pairs.
                        "selection.rhos=[]",
                        "selection.memory-budgets=[1K]",
                        "oracle.enabled=false",
                        "selection.methods=[adabet, last_layer]");
        SweepResult result = new SweepJob(spark, config, "test").maxFailures(1).run();
        Path out = Path.of(java.net.URI.create(result.outputDir()));

        assertEquals(SweepResult.SOME_FAILED, result.exitStatus());
        assertEquals(2, result.failures());
        assertEquals(
                "stopped after stage selections: 2 failures, more than --max-failures 1",
                result.stopped());
        assertTrue(result.failureSummary().endsWith(result.stopped()), result.failureSummary());
        assertTrue(Files.exists(out.resolve(Tables.SELECTIONS)));
        assertFalse(Files.exists(out.resolve(Tables.RETRAIN_RUNS)), "retrain did not run");
        assertEquals(
                2,
                spark.read()
                        .parquet(out.resolve(Tables.FAILURES).toString())
                        .filter("stage = 'selection'")
                        .count());
        assertTrue(Files.readString(out.resolve("provenance.json")).contains(result.stopped()));
        assertEquals(
                RunSummary.FAILED,
                spark.read()
                        .parquet(dir.resolve("results/maxfail/runs/" + result.runId()).toString())
                        .first()
                        .getAs("status"));

        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new SweepJob(spark, config, "test").maxFailures(-1));
        assertEquals("--max-failures must be >= 0, was -1", e.getMessage());
    }

    @Test
    void aNegativeLimitIsAUsageErrorBeforeSparkStarts() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = AdabetMain.commandLine();
        cl.getSubcommands().get("run").setErr(new java.io.PrintWriter(err, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        assertEquals(2, cl.execute("run", "--max-failures", "-1"));
        assertTrue(err.toString().contains("--max-failures: must be >= 0, was -1"), err.toString());
    }
}
