package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunsIndex;
import org.adabet.jobs.schema.Tables;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: {@code adabet run} in its own JVM is SIGKILLed in the middle of the retrain stage;
 * the same command again finishes the run, reusing every task the killed attempt finished and
 * writing no row twice.
 */
@Tag("spark")
@Tag("slow")
class KillAndResumeTest {
    @Test
    void aSweepKilledDuringRetrainingResumesWithoutRecomputingOrDuplicating(@TempDir Path dir)
            throws Exception {
        List<String> settings =
                TinySweep.settings(
                        dir.resolve("models"),
                        dir.resolve("results").toString(),
                        "name=killed",
                        "data.target.train-per-class=12",
                        "statistics.batches=2",
                        "retrain.epochs=2",
                        "retrain.seeds=[0, 1]",
                        "selection.rhos=[0.2, 0.5]",
                        "selection.memory-budgets=[]",
                        "spark.master=\"local[1]\"");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(AdabetMain.class.getName(), "run", "--config", "quick"));
        for (String s : settings) {
            command.addAll(List.of("--set", s));
        }
        Process child =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("killed.log").toFile())
                        .start();
        // Killed once a few retraining runs are recorded and well before all of them are.
        int killedAfter = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && child.isAlive()) {
            killedAfter = finishedRetrainTasks(dir.resolve("results"));
            if (killedAfter >= 3) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no final write
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the killed JVM did not end");
        assertTrue(
                killedAfter >= 3 && child.exitValue() != 0,
                "killed after "
                        + killedAfter
                        + " runs, exit "
                        + child.exitValue()
                        + "; log: "
                        + Files.readString(dir.resolve("killed.log")));
        int recorded = finishedRetrainTasks(dir.resolve("results"));

        SparkSession spark = LocalSpark.session("kill-and-resume-test", "local[1]");
        try {
            SweepConfig config = org.adabet.config.ConfigLoader.load("quick", settings);
            Row before = index(spark, config, null);
            assertEquals("running", before.getString(0), "the killed attempt's index row");

            // The same command: the same configuration and code, hence the same run id.
            SweepResult resumed =
                    new SweepJob(spark, config, org.adabet.provenance.Versions.gitCommit()).run();
            assertEquals(0, resumed.exitStatus());
            assertEquals(1, new RunsIndex(spark, config.outputDir()).read().count(), "one run");
            Row after = index(spark, config, resumed.runId());
            assertEquals("complete", after.getString(0));
            assertEquals(2, after.getInt(1), "attempt");
            // Every retraining run the killed attempt recorded was reused, not recomputed.
            String provenance =
                    Files.readString(
                                    Path.of(java.net.URI.create(resumed.outputDir()))
                                            .resolve("provenance.json"))
                            .replaceAll("\\s", "");
            assertTrue(
                    provenance.contains("\"retrain\":{\"tasks\":")
                            && reusedRetrain(provenance) >= recorded,
                    "recorded " + recorded + ": " + provenance);
            System.out.println(
                    "kill-and-resume test: killed with "
                            + recorded
                            + " retraining runs recorded; the rerun reused "
                            + reusedRetrain(provenance)
                            + " of them, attempt "
                            + after.getInt(1)
                            + ", "
                            + resumed.retraining().size()
                            + " retraining runs in the table");
            for (String table :
                    List.of(Tables.LAYER_STATISTICS, Tables.SELECTIONS, Tables.RETRAIN_RUNS)) {
                var t = spark.read().parquet(resumed.outputDir() + "/" + table);
                String key =
                        table.equals(Tables.LAYER_STATISTICS)
                                ? "pair, batch, layer_index"
                                : "pair, method, budget, seed";
                t.createOrReplaceTempView("t");
                assertEquals(
                        0,
                        spark.sql(
                                        "SELECT "
                                                + key
                                                + " FROM t GROUP BY "
                                                + key
                                                + " HAVING count(*) > 1")
                                .count(),
                        "duplicate keys in " + table);
            }
        } finally {
            spark.stop();
        }
    }

    private static Row index(SparkSession spark, SweepConfig config, String runId) {
        var rows = new RunsIndex(spark, config.outputDir()).read();
        if (runId != null) {
            rows = rows.where(org.apache.spark.sql.functions.col("run_id").equalTo(runId));
        }
        return rows.selectExpr("status", "attempt").collectAsList().get(0);
    }

    private static int reusedRetrain(String provenance) {
        // The stage's task counts, not the configuration's "retrain" block, which comes first.
        String after = provenance.substring(provenance.indexOf("\"retrain\":{\"tasks\":"));
        String reused = after.substring(after.indexOf("\"reused\":") + 9);
        return Integer.parseInt(reused.substring(0, reused.indexOf(',')));
    }

    /** Retraining runs recorded as finished under any run folder of the location. */
    private static int finishedRetrainTasks(Path results) throws Exception {
        if (!Files.isDirectory(results)) {
            return 0;
        }
        // Spark creates and deletes _temporary folders while this looks: a file that vanishes
        // between listing and visiting is skipped, not an error.
        int[] count = {0};
        Files.walkFileTree(
                results,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(
                            Path p, java.nio.file.attribute.BasicFileAttributes a) {
                        if (p.getParent() != null
                                && p.getParent().endsWith("_tasks" + File.separator + "retrain")
                                && p.getFileName().toString().endsWith(".task")) {
                            count[0]++;
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(
                            Path p, java.io.IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult postVisitDirectory(
                            Path p, java.io.IOException e) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        return count[0];
    }
}
