package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.provenance.RunProvenance;
import org.adabet.report.ComparisonRow;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny sweep end to end in local[2]: every stage runs as Spark tasks and writes its table. */
@Tag("spark")
class SweepJobTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session("adabet-test", "local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SweepConfig tiny(Path dir) {
        return TinySweep.config(
                dir.resolve("models"),
                dir.resolve("results").toString(),
                "name=tiny",
                "data.target.train-per-class=12",
                "statistics.batches=2",
                "retrain.epochs=1",
                "retrain.seeds=[0]",
                "selection.rhos=[0.2]",
                "selection.memory-budgets=[10M]",
                "selection.methods=[adabet, \"adabet:beta1\", adabet_channel, full, last_layer, bn_bias, fisher, rgn, "
                        + "elastic, random]");
    }

    @Test
    void tinySweepWritesEveryTableWithItsSchemaAndExpectedRowCounts(@TempDir Path dir) {
        SweepConfig config = tiny(dir);
        SweepResult result = new SweepJob(spark, config, "test").run();
        Path out = Path.of(java.net.URI.create(result.outputDir()));
        assertTrue(result.outputDir().startsWith("file:/"), result.outputDir());

        assertTable(out, Tables.PRETRAIN, Tables.PRETRAIN_SCHEMA, 1);
        // 2 pairs x 2 batches x 11 candidate layers of convnet_s.
        assertTable(out, Tables.LAYER_STATISTICS, Tables.LAYER_STATISTICS_SCHEMA, 44);
        assertTable(out, Tables.GRADIENT_STATISTICS, Tables.GRADIENT_STATISTICS_SCHEMA, 22);
        // Every scoring method's ranking: 5 AdaBet variants, fisher, rgn, elastic, random and
        // inverse_dimension (it needs no evidence; representation_change has none here); 2 pairs
        // x 11 layers.
        assertTable(out, Tables.LAYER_SCORES, Tables.LAYER_SCORES_SCHEMA, 10 * 22);
        // 2 pairs x (7 budgeted methods x 2 budgets + full, last_layer, bn_bias) at one seed.
        int runs = 2 * (7 * 2 + 3);
        assertTable(out, Tables.SELECTIONS, Tables.SELECTIONS_SCHEMA, runs);
        Dataset<Row> retrained =
                assertTable(out, Tables.RETRAIN_RUNS, Tables.RETRAIN_RUNS_SCHEMA, runs);
        assertEquals(
                runs,
                retrained.filter("status = 'ok' and run_id = '" + result.runId() + "'").count(),
                () ->
                        "failed runs: "
                                + retrained
                                        .filter("status != 'ok'")
                                        .select("method", "error")
                                        .collectAsList());
        assertEquals(
                2,
                retrained
                        .filter("method = 'adabet' and budget = 'rho=0.2' and size(layers) = 2")
                        .count());
        assertEquals(
                2,
                spark.read()
                        .parquet(out.resolve(Tables.SELECTIONS).toString())
                        .filter(
                                "method = 'adabet_channel' and budget = 'rho=0.2' and size(layers) = 2"
                                        // Layers whose channels cannot be ranked (one value per
                                        // channel, equal scores) train whole.
                                        + " and size(map_keys(channels_trained)) <= 2"
                                        + " and array_except(map_keys(channels_trained), layers) = array()")
                        .count());
        assertEquals(
                0,
                retrained
                        .filter("peak_mem_bytes <= 0 or ref_mem_bytes <= 0 or training_flops <= 0")
                        .count());
        // The frozen-prefix cache (on by default): head-only runs use it, full fine-tuning cannot.
        assertEquals(2, retrained.filter("method = 'last_layer' and prefix_cached").count());
        assertEquals(0, retrained.filter("method = 'full' and prefix_cached").count());
        Dataset<Row> oracle = assertTable(out, Tables.ORACLE_RUNS, Tables.RETRAIN_RUNS_SCHEMA, 22);
        // Every layer alone but the first (nothing in front of it to cache).
        assertEquals(
                20,
                oracle.filter("prefix_cached and not array_contains(layers, 'features.0.conv')")
                        .count());
        assertTable(out, Tables.AGREEMENT, Tables.AGREEMENT_SCHEMA, 2 * 10);

        assertEquals(2 * (7 * 2 + 3), result.comparison().rows().size());
        assertTrue(Files.exists(out.resolve("comparison.csv")));
        assertTrue(Files.exists(out.resolve("comparison.md")));
        // Per adabet budget (2): 9 other methods across pairs + 2 pairs x 9 within a pair.
        assertTable(out, Tables.TESTS, Tables.TESTS_SCHEMA, 2 * (9 + 2 * 9));
        assertTrue(readString(out.resolve("claims.md")).contains("Peak-memory reduction"));
        assertTrue(Files.exists(out.resolve("tests.md")));
        String provenance = readString(out.resolve("provenance.json"));
        assertTrue(provenance.contains("\"run_id\": \"" + result.runId() + "\""), provenance);
        assertTrue(provenance.contains("\"layer_statistics\""), provenance);
        RunProvenance typed = RunProvenance.fromJson(provenance, "provenance.json");
        assertEquals(result.runId(), typed.runId());
        assertEquals("test", typed.gitCommit());
        assertEquals(result.outputDir(), typed.folder());
        assertTrue(typed.timingsMs().get("retrain") > 0, provenance);
        assertEquals(0, typed.failures());

        // Same configuration again: pretraining comes from the cache, and every result is
        // identical.
        SweepResult again = new SweepJob(spark, config, "test").run();
        assertEquals(result.runId(), again.runId());
        assertEquals(
                1,
                spark.read()
                        .parquet(out.resolve(Tables.PRETRAIN).toString())
                        .filter("from_cache = true")
                        .count());
        assertEquals(accuracies(result), accuracies(again));
        assertEquals(
                result.comparison().rows().stream().map(ComparisonRow::layers).toList(),
                again.comparison().rows().stream().map(ComparisonRow::layers).toList());
    }

    private static List<String> accuracies(SweepResult r) {
        return r.retraining().stream()
                .map(
                        o ->
                                o.task().key()
                                        + "="
                                        + o.testAccuracy()
                                        + "/"
                                        + o.finalAccuracy()
                                        + "/"
                                        + o.bestEpoch()
                                        + "/"
                                        + o.task().layers())
                .sorted()
                .toList();
    }

    private static Dataset<Row> assertTable(Path out, String table, StructType schema, long rows) {
        Dataset<Row> df = spark.read().parquet(out.resolve(table).toString());
        assertEquals(names(schema), names(df.schema()), table + " columns");
        assertEquals(rows, df.count(), table + " rows");
        return df;
    }

    private static List<String> names(StructType s) {
        return List.of(s.fieldNames());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
