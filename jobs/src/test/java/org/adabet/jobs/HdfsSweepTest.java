package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep whose {@code output.dir} is a real HDFS (MiniDFSCluster: one name node and one data
 * node on 127.0.0.1, inside this JVM): every table and text file lands there and reads back equal
 * to the same sweep written to the local file system, host times aside.
 */
@Tag("spark")
@Tag("slow")
class HdfsSweepTest {
    /** Tables of the tiny sweep (oracle off, no gradient method: those tables are not written). */
    private static final List<String> TABLES =
            List.of(
                    Tables.PRETRAIN,
                    Tables.LAYER_STATISTICS,
                    Tables.LAYER_SCORES,
                    Tables.SELECTIONS,
                    Tables.RETRAIN_RUNS);

    @TempDir static Path dir;
    private static MiniDFSCluster hdfs;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        hdfs =
                new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile())
                        .numDataNodes(1)
                        .build();
        hdfs.waitActive();
        spark = LocalSpark.session("adabet-hdfs-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    /**
     * One pair, one method, one budget, one epoch: the smallest sweep that writes every stage's
     * table.
     */
    private static SweepConfig tiny(String outputDir) {
        return TinySweep.config(
                dir.resolve("models"),
                outputDir,
                "data.targets=[corrupted]",
                "name=tiny",
                "data.target.train-per-class=12",
                "statistics.batches=1",
                "retrain.epochs=1",
                "retrain.seeds=[0]",
                "selection.rhos=[0.2]",
                "selection.memory-budgets=[]",
                "selection.methods=[adabet]",
                "oracle.enabled=false");
    }

    @Test
    void aSweepWritesItsTablesAndFilesToHdfsAndTheyEqualALocalRun() throws IOException {
        // Local first: it fills the pretraining cache, which stays on the driver's disk for both
        // runs.
        SweepResult local =
                new SweepJob(spark, tiny(dir.resolve("results").toString()), "test").run();
        String hdfsDir = "hdfs://127.0.0.1:" + hdfs.getNameNodePort() + "/results";
        SweepResult remote = new SweepJob(spark, tiny(hdfsDir), "test").run();

        assertTrue(remote.outputDir().startsWith(hdfsDir + "/tiny/run_date="), remote.outputDir());
        FileSystem fs = hdfs.getFileSystem();
        String folder = remote.outputDir().substring(hdfsDir.length());
        for (String file : List.of("provenance.json", "comparison.csv", "comparison.md")) {
            assertTrue(
                    fs.exists(new org.apache.hadoop.fs.Path("/results" + folder + "/" + file)),
                    file);
        }

        for (String table : TABLES) {
            Dataset<Row> there = spark.read().parquet(remote.outputDir() + "/" + table);
            Dataset<Row> here = spark.read().parquet(local.outputDir() + "/" + table);
            assertTrue(there.count() > 0, table);
            assertEquals(1, there.select("run_id").distinct().count(), table);
            assertEquals(remote.runId(), there.first().getAs("run_id"), table);
            // The run id hashes the science configuration only: another output location keeps it.
            assertEquals(local.runId(), remote.runId());
            assertEquals(TableRows.sorted(here, table), TableRows.sorted(there, table), table);
        }
        // The CSV parses (Spark's reader, from HDFS) and holds the local run's rows.
        Dataset<Row> csv =
                spark.read().option("header", "true").csv(remote.outputDir() + "/comparison.csv");
        assertEquals(local.comparison().rows().size(), csv.count());
        assertEquals(
                TableRows.sorted(
                        spark.read()
                                .option("header", "true")
                                .csv(local.outputDir() + "/comparison.csv"),
                        "comparison"),
                TableRows.sorted(csv, "comparison"));
        Row provenance =
                spark.read()
                        .option("multiLine", "true")
                        .json(remote.outputDir() + "/provenance.json")
                        .select("run_id", "timings_ms.retrain", "config.output.dir")
                        .first();
        assertEquals(remote.runId(), provenance.getString(0));
        assertTrue(provenance.getDouble(1) > 0);
        assertEquals(hdfsDir, provenance.getString(2));
    }
}
