package org.adabet.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.selection.SelectionMethods;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered method, and the head-forced variants, through a tiny Spark sweep: each gets its
 * rows in the retrain runs table, {@code bn_stats} without training, {@code head_forced} true on
 * the variants alone.
 */
@Tag("spark")
class EveryMethodSweepTest {
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
    void everyMethodAndEveryHeadForcedVariantWritesItsRuns(@TempDir Path dir) {
        List<String> quoted = new ArrayList<>();
        SelectionMethods.names().forEach(n -> quoted.add("\"" + n + "\""));
        SweepConfig config =
                TinySweep.config(
                        dir.resolve("models"),
                        dir.resolve("results").toString(),
                        "name=every",
                        "data.target.train-per-class=12",
                        "statistics.batches=2",
                        "retrain.epochs=1",
                        "retrain.seeds=[0]",
                        "oracle.enabled=false",
                        "selection.rhos=[0.2]",
                        "selection.memory-budgets=[]",
                        "selection.head-forced-variants=true",
                        "selection.methods=[" + String.join(", ", quoted) + "]");
        SweepResult result = new SweepJob(spark, config, "test").run();
        Path out = Path.of(java.net.URI.create(result.outputDir()));
        Dataset<Row> runs = spark.read().parquet(out.resolve(Tables.RETRAIN_RUNS).toString());
        // A known gap, not this test's subject: the Spark stages do not carry
        // representation_change's evidence through their tables, so its runs fail saying so.
        String gap = "method like 'representation_change%'";
        assertEquals(
                0,
                runs.filter("status != 'ok' and not " + gap).count(),
                () ->
                        runs.filter("status != 'ok'")
                                .select("method", "error")
                                .collectAsList()
                                .toString());
        assertEquals(
                0,
                runs.filter(gap + " and not error like '%no representation statistics%'").count());

        Set<String> expected = new TreeSet<>(SelectionMethods.names());
        Set<String> variants = new TreeSet<>();
        for (String name : SelectionMethods.names()) {
            if (SelectionMethods.get(name).usesBudget()) {
                variants.add(SelectionMethods.headForcedName(name));
            }
        }
        assertEquals(expected, methods(runs.filter("target = 'corrupted'")));
        expected.addAll(variants);
        assertEquals(expected, methods(runs.filter("target = 'new_classes'")));

        // bn_stats trains nothing, keeps nothing for a backward pass, and is evaluated.
        Row adapted = runs.filter("method = 'bn_stats' and target = 'corrupted'").first();
        assertEquals(0L, (long) adapted.getAs("trainable_params"));
        assertEquals(0L, (long) adapted.getAs("mem_activations"));
        assertEquals(0L, (long) adapted.getAs("mem_gradients"));
        assertTrue(adapted.getAs("test_acc") != null && adapted.getAs("val_acc") != null);

        Dataset<Row> selections = spark.read().parquet(out.resolve(Tables.SELECTIONS).toString());
        assertEquals(
                variants.size(),
                selections.filter("head_forced").count(),
                "head_forced: the variants on the new-head target");
        assertEquals(0, selections.filter("head_forced and not method like '%+head'").count());
    }

    private static Set<String> methods(Dataset<Row> runs) {
        Set<String> out = new TreeSet<>();
        runs.select("method").distinct().collectAsList().forEach(r -> out.add(r.getString(0)));
        return out;
    }
}
