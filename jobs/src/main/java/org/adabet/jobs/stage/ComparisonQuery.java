package org.adabet.jobs.stage;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.ComparisonGroup;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The comparison table's aggregation as one Spark SQL query over the run's tables: {@code
 * retrain_runs} joined with {@code selections} on the run key, grouped by pair, method and budget
 * over seeds and draws, with the pair's layer count from {@code layers}. Nothing is summarised on
 * the driver; it only maps the (one per group) result rows to {@link ComparisonGroup}s.
 *
 * <p>What it computes, per group (a run is successful when its {@code error} is null): {@code runs}
 * and {@code failed}; over successful runs the mean and {@code stddev_samp} of {@code 100 *
 * test_acc}, {@code 100 * avg} of {@code final_test_acc}, {@code val_acc}, {@code acc_before}, the
 * mean {@code trainable_params} and {@code train_ms}, and {@code total_params} of the first; over
 * all runs {@code max} of {@code peak_mem_bytes} and {@code ref_mem_bytes}, the mean {@code
 * training_flops} and {@code selection_ms}; and the first run's selection ({@code layers}, its peak
 * memory and costs). "First" is by seed, then as the {@code selections} table lists its rows (the
 * chosen before the failed, draws in order). A null among the successful runs' values (a NaN the
 * library recorded) makes that mean NaN, as the library's mean of such a sample is.
 *
 * <p>Order: pairs, then methods by name (binary string order), then budgets: none first, then rho,
 * then memory, each ascending.
 */
final class ComparisonQuery {
    private ComparisonQuery() {}

    private static final String[] RUN_KEY = {"pair", "method", "budget", "seed", "draw"};

    /** The query: one row per pair x method x budget, in the table's order. */
    static Dataset<Row> groups(StageContext c) {
        Dataset<Row> runs =
                c.table(Tables.RETRAIN_RUNS)
                        .selectExpr(
                                "pair",
                                "method",
                                "budget",
                                "rho",
                                "memory_budget",
                                "seed",
                                "draw",
                                "error IS NULL AS ok",
                                "trainable_params",
                                "total_params",
                                "acc_before",
                                "test_acc",
                                "final_test_acc",
                                "val_acc",
                                "peak_mem_bytes",
                                "ref_mem_bytes",
                                "training_flops",
                                "train_ms");
        Dataset<Row> selections =
                c.table(Tables.SELECTIONS)
                        .selectExpr(
                                "pair",
                                "method",
                                "budget",
                                "seed",
                                "draw",
                                "named_struct('seed', seed, 'failed', status <> 'ok', 'draw', draw)"
                                        + " AS first_key",
                                "named_struct('layers', layers, 'selection_peak_bytes',"
                                        + " selection_peak_bytes, 'needs_labels', needs_labels,"
                                        + " 'forward_passes', forward_passes, 'backward_passes',"
                                        + " backward_passes) AS selection",
                                "selection_ms");
        Dataset<Row> layerCounts =
                c.table(Tables.LAYERS).groupBy("pair").agg(expr("count(*) AS layers_total"));
        return runs.join(selections, RUN_KEY)
                .groupBy("pair", "method", "budget")
                .agg(
                        expr("max(rho) AS rho"),
                        aggregates(
                                "max(memory_budget) AS memory_budget",
                                "count_if(ok) AS runs",
                                "count(*) - count_if(ok) AS failed",
                                meanOfOk("100 * test_acc", "test_acc", "") + " AS acc_mean",
                                "stddev_samp(100 * test_acc) FILTER (WHERE ok) AS acc_sd",
                                meanOfOk("final_test_acc", "final_test_acc", "100 * ")
                                        + " AS final_test_acc",
                                meanOfOk("val_acc", "val_acc", "100 * ") + " AS val_acc",
                                meanOfOk("acc_before", "acc_before", "100 * ") + " AS acc_before",
                                "avg(trainable_params) FILTER (WHERE ok) AS params_trained",
                                "min_by(total_params, first_key) FILTER (WHERE ok)"
                                        + " AS params_total",
                                "max(peak_mem_bytes) AS peak_mem_bytes",
                                "max(ref_mem_bytes) AS ref_mem_bytes",
                                "avg(training_flops) AS training_flops",
                                "avg(selection_ms) AS selection_ms",
                                "avg(train_ms) FILTER (WHERE ok) AS train_ms",
                                "min_by(selection, first_key) AS first"))
                .join(layerCounts, new String[] {"pair"}, "left")
                .orderBy(
                        expr("pair"),
                        expr("method"),
                        expr(
                                "CASE WHEN rho IS NOT NULL THEN 1"
                                        + " WHEN memory_budget IS NOT NULL THEN 2 ELSE 0 END"),
                        expr("rho"),
                        expr("memory_budget"));
    }

    /** The query's rows as records, in its order. */
    static List<ComparisonGroup> collect(StageContext c) {
        List<ComparisonGroup> out = new ArrayList<>();
        for (Row r : groups(c).collectAsList()) {
            Row first = r.getAs("first");
            out.add(
                    new ComparisonGroup(
                            r.getAs("pair"),
                            r.getAs("method"),
                            r.getAs("budget"),
                            Math.toIntExact(r.<Long>getAs("runs")),
                            Math.toIntExact(r.<Long>getAs("failed")),
                            orNaN(r, "acc_mean"),
                            orNaN(r, "acc_sd"),
                            orNaN(r, "final_test_acc"),
                            orNaN(r, "val_acc"),
                            orNaN(r, "acc_before"),
                            first.getList(first.fieldIndex("layers")).size(),
                            r.isNullAt(r.fieldIndex("layers_total"))
                                    ? 0
                                    : Math.toIntExact(r.<Long>getAs("layers_total")),
                            orNaN(r, "params_trained"),
                            r.isNullAt(r.fieldIndex("params_total"))
                                    ? 0
                                    : r.<Long>getAs("params_total"),
                            r.<Long>getAs("peak_mem_bytes"),
                            r.<Long>getAs("ref_mem_bytes"),
                            orNaN(r, "training_flops"),
                            orNaN(r, "selection_ms"),
                            first.<Long>getAs("selection_peak_bytes"),
                            first.<Boolean>getAs("needs_labels"),
                            first.<Integer>getAs("forward_passes"),
                            first.<Integer>getAs("backward_passes"),
                            orNaN(r, "train_ms"),
                            first.getList(first.fieldIndex("layers"))));
        }
        return out;
    }

    /**
     * The mean of {@code value} over the successful runs, {@code scale} applied after averaging;
     * NaN when {@code column} is null in one of them.
     */
    private static String meanOfOk(String value, String column, String scale) {
        return "IF(count_if(ok AND "
                + column
                + " IS NULL) > 0, CAST('NaN' AS DOUBLE), "
                + scale
                + "avg("
                + value
                + ") FILTER (WHERE ok))";
    }

    private static Column[] aggregates(String... expressions) {
        Column[] out = new Column[expressions.length];
        for (int i = 0; i < expressions.length; i++) {
            out[i] = expr(expressions[i]);
        }
        return out;
    }

    /** A SQL aggregate's null (no successful run, or one run for an sd) as NaN. */
    private static double orNaN(Row r, String column) {
        int at = r.fieldIndex(column);
        return r.isNullAt(at) ? Double.NaN : ((Number) r.get(at)).doubleValue();
    }
}
