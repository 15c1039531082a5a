package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real standalone cluster (a Master and two 1-core Workers, executors in their own
 * JVMs) survives losing an executor in the middle of the retrain stage: one executor JVM is killed
 * (SIGKILL, by pid) when the stage's first task ends; Spark reruns its tasks elsewhere and the
 * run's tables equal a local-mode run of the same configuration (host times aside).
 */
@Tag("spark")
@Tag("slow")
class StandaloneClusterTest {
    private static final List<String> TABLES =
            List.of(
                    Tables.PRETRAIN,
                    Tables.LAYER_STATISTICS,
                    Tables.LAYER_SCORES,
                    Tables.SELECTIONS,
                    Tables.RETRAIN_RUNS);

    private static SweepConfig config(Path dir, String output) {
        return TinySweep.config(
                dir.resolve("models"),
                output,
                "data.targets=[corrupted]",
                "name=cluster",
                "data.target.train-per-class=16",
                "statistics.batches=1",
                "retrain.epochs=2",
                "retrain.seeds=[0, 1]",
                "selection.rhos=[0.2, 0.5]",
                "selection.memory-budgets=[]",
                "selection.methods=[adabet, full, last_layer, random]",
                "oracle.enabled=false",
                "spark.partitions=0");
    }

    @Test
    void aSweepSurvivesAKilledExecutorAndEqualsALocalRun(@TempDir Path dir) throws Exception {
        SweepResult local;
        SparkSession spark = LocalSpark.session("cluster-test-local", "local[2]");
        try {
            local = new SweepJob(spark, config(dir, dir.resolve("local").toString()), "test").run();
        } finally {
            spark.stop();
        }

        try (StandaloneCluster cluster = new StandaloneCluster(2, dir.resolve("cluster"))) {
            SparkConf conf =
                    new SparkConf()
                            .setMaster(cluster.masterUrl())
                            .setAppName("cluster-test")
                            .set("spark.driver.host", "127.0.0.1")
                            .set("spark.driver.bindAddress", "127.0.0.1")
                            .set("spark.ui.enabled", "false")
                            .set("spark.executor.memory", "1g")
                            .set("spark.executor.cores", "1")
                            .set("spark.cores.max", "2")
                            .set(
                                    "spark.executor.extraClassPath",
                                    System.getProperty("java.class.path"))
                            .set(
                                    "spark.executor.extraJavaOptions",
                                    StandaloneCluster.executorJavaOptions())
                            .set("spark.sql.sources.partitionOverwriteMode", "dynamic");
            SparkSession remote = SparkSession.builder().config(conf).getOrCreate();
            try {
                waitForExecutors(remote, 2);
                CountDownLatch retrainStarted = new CountDownLatch(1);
                AtomicLong retrainJob = new AtomicLong(-1);
                AtomicLong executorsLost = new AtomicLong();
                AtomicLong failedAttempts = new AtomicLong();
                remote.sparkContext()
                        .addSparkListener(
                                new SparkListener() {
                                    @Override
                                    public void onJobStart(SparkListenerJobStart start) {
                                        String d =
                                                start.properties()
                                                        .getProperty("spark.job.description", "");
                                        if (d.startsWith("retrain")) {
                                            retrainJob.set(start.jobId());
                                        }
                                    }

                                    @Override
                                    public void onTaskEnd(SparkListenerTaskEnd end) {
                                        if (end.reason() != org.apache.spark.Success$.MODULE$) {
                                            failedAttempts.incrementAndGet();
                                        }
                                        if (retrainJob.get() >= 0) {
                                            retrainStarted.countDown();
                                        }
                                    }

                                    @Override
                                    public void onExecutorRemoved(
                                            SparkListenerExecutorRemoved removed) {
                                        executorsLost.incrementAndGet();
                                    }
                                });
                SweepConfig onCluster = config(dir, dir.resolve("cluster-results").toString());
                CompletableFuture<SweepResult> run =
                        CompletableFuture.supplyAsync(
                                () -> new SweepJob(remote, onCluster, "test").run());
                assertTrue(
                        retrainStarted.await(240, TimeUnit.SECONDS),
                        "the retrain stage never ran a task");
                List<ProcessHandle> executors = cluster.executors();
                assertEquals(2, executors.size(), "executor JVMs among " + cluster.processes());
                executors.get(0).destroyForcibly();
                SweepResult result = run.get(300, TimeUnit.SECONDS);
                assertTrue(executorsLost.get() >= 1, "Spark never noticed the killed executor");
                System.out.println(
                        "cluster test: executors lost "
                                + executorsLost.get()
                                + ", failed task attempts "
                                + failedAttempts.get()
                                + ", retrain runs "
                                + result.retraining().size());

                assertEquals(local.runId(), result.runId());
                for (String table : TABLES) {
                    assertEquals(
                            TableRows.sorted(
                                    remote.read().parquet(local.outputDir() + "/" + table), table),
                            TableRows.sorted(
                                    remote.read().parquet(result.outputDir() + "/" + table), table),
                            table);
                }
            } finally {
                remote.stop();
            }
        }
    }

    private static void waitForExecutors(SparkSession spark, int count)
            throws InterruptedException {
        for (int i = 0;
                i < 600 && spark.sparkContext().getExecutorMemoryStatus().size() < count + 1;
                i++) {
            Thread.sleep(100);
        }
        assertEquals(
                count + 1,
                spark.sparkContext().getExecutorMemoryStatus().size(),
                "executors registered");
    }
}
