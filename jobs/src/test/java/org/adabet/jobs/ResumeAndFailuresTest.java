package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunsIndex;
import org.adabet.jobs.schema.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep that fails some selections, and one resumed after losing half its retraining runs.
 */
@Tag("spark")
class ResumeAndFailuresTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("adabet-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SweepConfig tiny(Path dir, String memoryBudgets) {
        return TinySweep.config(
                dir.resolve("models"),
                dir.resolve("results").toString(),
                "name=tiny",
                "data.target.train-per-class=12",
                "statistics.batches=2",
                "retrain.epochs=1",
                "retrain.seeds=[0]",
                "selection.rhos=[0.2]",
                "selection.memory-budgets=" + memoryBudgets,
                "selection.methods=[adabet, full, last_layer, fisher]");
    }

    @Test
    void selectionsThatFitNothingAreListedInTheFailuresTableAndTheExitStatusIs3(@TempDir Path dir) {
        SweepResult result = new SweepJob(spark, tiny(dir, "[1K]"), "test").run();

        // adabet and fisher at the 1K budget, on each of the 2 pairs: nothing fits.
        Dataset<Row> failures = spark.read().parquet(result.failuresTable());
        assertEquals(
                List.of(Tables.FAILURES_SCHEMA.fieldNames()),
                List.of(failures.schema().fieldNames()));
        assertEquals(4, failures.count(), () -> failures.collectAsList().toString());
        assertEquals(
                4,
                failures.filter(
                                "stage = 'selection' and error_class = 'EmptySelection' and attempt = 1"
                                        + " and message like '%fits no layer%'")
                        .count(),
                () -> failures.collectAsList().toString());
        assertEquals(4, result.failures());
        assertEquals(3, result.exitStatus());
        assertTrue(
                result.failureSummary().startsWith("4 task(s) or selection(s) failed; listed in "));
        // The sweep went on: full, last_layer and the rho budget of adabet and fisher were trained.
        assertEquals(2 * (2 + 2), result.retraining().stream().filter(o -> o.succeeded()).count());
    }

    @Test
    void aRerunAfterLosingRetrainRunsComputesOnlyThoseAndWritesTheSameTables(@TempDir Path dir)
            throws IOException {
        SweepConfig config = tiny(dir, "[10M]");
        SweepResult first = new SweepJob(spark, config, "test").run();
        assertEquals(0, first.exitStatus());
        assertEquals(0, first.reusedTasks());
        Path out = Path.of(java.net.URI.create(first.outputDir()));
        List<List<String>> before = tables(out);

        // A crash during retraining: only some runs were recorded as finished.
        List<Path> recorded;
        try (Stream<Path> files = Files.list(out.resolve("_tasks/retrain"))) {
            // Hadoop's local file system keeps a '.<name>.crc' beside each file: not a task.
            recorded =
                    files.filter(p -> p.getFileName().toString().endsWith(".task"))
                            .sorted()
                            .toList();
        }
        int lost = recorded.size() / 2;
        for (Path p : recorded.subList(0, lost)) {
            Files.delete(p);
        }

        SweepResult resumed = new SweepJob(spark, config, "test").run();
        String provenance = Files.readString(out.resolve("provenance.json"));
        int retrain = recorded.size();
        // 2 pairs x 2 batches of statistics, 2 gradient tasks, 22 oracle runs: all reused.
        assertEquals(4 + 2 + (retrain - lost) + 22, resumed.reusedTasks(), provenance);
        assertTrue(
                provenance
                        .replaceAll("\\s", "")
                        .contains(
                                "\"retrain\":{\"tasks\":"
                                        + retrain
                                        + ",\"reused\":"
                                        + (retrain - lost)
                                        + ",\"computed\":"
                                        + lost
                                        + "}"),
                provenance);
        assertTrue(provenance.replaceAll("\\s", "").contains("\"attempt\":2"), provenance);
        assertEquals(before, tables(out));
        assertEquals(0, resumed.exitStatus());
        // The runs index: one row for the run, this attempt's counts, in the same run folder.
        Row index =
                new RunsIndex(spark, config.outputDir())
                        .read()
                        .selectExpr("run_id", "status", "attempt", "reused", "computed", "folder")
                        .collectAsList()
                        .get(0);
        assertEquals(resumed.runId(), index.getString(0));
        assertEquals(
                "complete 2 " + resumed.reusedTasks() + " " + lost,
                index.getString(1)
                        + " "
                        + index.getInt(2)
                        + " "
                        + index.getInt(3)
                        + " "
                        + index.getInt(4));
        assertEquals(first.outputDir(), index.getString(5));
        assertEquals(first.outputDir(), resumed.outputDir());
        assertEquals(1, new RunsIndex(spark, config.outputDir()).read().count());

        // --force: every task computed again, none reused.
        SweepResult forced = new SweepJob(spark, config, "test", true, null).run();
        assertEquals(0, forced.reusedTasks());
        assertEquals(before, tables(out));
    }

    @Test
    void aStageRunAloneReadsItsInputTablesAndRewritesItsOwn(@TempDir Path dir) throws IOException {
        SweepConfig config = tiny(dir, "[10M]");
        SweepResult first = new SweepJob(spark, config, "test").run();
        Path out = Path.of(java.net.URI.create(first.outputDir()));
        List<List<String>> before = tables(out);
        String comparison = Files.readString(out.resolve("comparison.csv"));

        // Lost outputs of the retrain and comparison stages, rewritten by running them alone:
        // the retrain tasks come from _tasks/ (none recomputed), the comparison from the tables.
        deleteRecursively(out.resolve(Tables.RETRAIN_RUNS));
        Files.delete(out.resolve("comparison.csv"));
        SweepJob alone = new SweepJob(spark, config, "other-commit", false, null, first.runId());
        assertEquals(0, alone.runStage("retrain", false));
        assertEquals(0, alone.runStage("comparison", false));
        assertEquals(before, tables(out));
        assertEquals(comparison, Files.readString(out.resolve("comparison.csv")));

        // A stage whose input table is missing says which and who writes it, before any work.
        deleteRecursively(out.resolve(Tables.LAYERS));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                new SweepJob(spark, config, "test", false, null, first.runId())
                                        .runStage("selections", false));
        assertTrue(
                e.getMessage().contains("no table 'layers'") && e.getMessage().contains("(plan)"),
                e.getMessage());
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Every task table's rows without their host-time columns, sorted; no task key twice. */
    private static List<List<String>> tables(Path out) {
        List<List<String>> all = new ArrayList<>();
        for (String table :
                List.of(
                        Tables.LAYER_STATISTICS,
                        Tables.GRADIENT_STATISTICS,
                        Tables.SELECTIONS,
                        Tables.RETRAIN_RUNS,
                        Tables.ORACLE_RUNS,
                        Tables.LAYER_SCORES,
                        Tables.AGREEMENT)) {
            Dataset<Row> df = spark.read().parquet(out.resolve(table).toString());
            for (String hostTime :
                    List.of(
                            "task_ms",
                            "persistence_ms",
                            "channel_ms",
                            "selection_ms",
                            "load_ms",
                            "train_ms")) {
                df = df.drop(hostTime);
            }
            List<String> rows = df.collectAsList().stream().map(Row::toString).sorted().toList();
            all.add(rows);
            if (table.equals(Tables.RETRAIN_RUNS) || table.equals(Tables.ORACLE_RUNS)) {
                long keys =
                        df.select("pair", "method", "budget", "seed", "layers").distinct().count();
                assertEquals(rows.size(), keys, table + ": a task key twice");
            }
        }
        return all;
    }
}
