package org.adabet.jobs.stage;

import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.List;
import org.adabet.jobs.schema.Tables;
import org.adabet.report.PairPeak;
import org.adabet.report.SeedAccuracy;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The tests stage's aggregation as Spark SQL over the run's tables: {@code retrain_runs} joined
 * with {@code selections} on the run key (the runs whose selection is recorded, and the selection's
 * own peak), grouped per method, budget, pair and seed for the accuracies and per method, budget
 * and pair for the peaks. The driver only maps the result rows to records.
 *
 * <p>A seed's accuracy is a running mean of {@code 100 * test_acc} over its successful runs' draws
 * in draw order (a fold over the sorted draws, not {@code avg}): its value then does not depend on
 * how Spark splits the rows, and it is the mean the library took of decoded runs to the last bit. A
 * successful run without an accuracy makes its seed's mean NaN. Peaks are over all runs, failed
 * ones too. Rows are ordered by their keys.
 */
final class TestsQuery {
    private TestsQuery() {}

    private static final String[] RUN_KEY = {"pair", "method", "budget", "seed", "draw"};

    /** Runs with a recorded selection: key, success, accuracy and the two peaks. */
    private static Dataset<Row> runs(StageContext c) {
        Dataset<Row> runs =
                c.table(Tables.RETRAIN_RUNS)
                        .selectExpr(
                                "pair",
                                "method",
                                "budget",
                                "seed",
                                "draw",
                                "error IS NULL AS ok",
                                "test_acc",
                                "peak_mem_bytes");
        Dataset<Row> selections =
                c.table(Tables.SELECTIONS)
                        .selectExpr(
                                "pair", "method", "budget", "seed", "draw", "selection_peak_bytes");
        return runs.join(selections, RUN_KEY);
    }

    /** One row per method x budget x pair x seed with a successful run. */
    static Dataset<Row> accuracies(StageContext c) {
        return runs(c).where("ok")
                .groupBy("method", "budget", "pair", "seed")
                .agg(
                        expr(
                                "aggregate(array_sort(collect_list(named_struct('draw', draw,"
                                        + " 'acc', IF(test_acc IS NULL, CAST('NaN' AS DOUBLE),"
                                        + " 100 * test_acc)))),"
                                        + " named_struct('n', 0, 'mean', CAST(0 AS DOUBLE)),"
                                        + " (s, x) -> named_struct('n', s.n + 1, 'mean',"
                                        + " IF(s.n = 0, x.acc, s.mean + (x.acc - s.mean) / (s.n"
                                        + " + 1))), s -> s.mean) AS accuracy_pct"))
                .orderBy("method", "budget", "pair", "seed");
    }

    /** One row per method x budget x pair. */
    static Dataset<Row> peaks(StageContext c) {
        return runs(c).groupBy("method", "budget", "pair")
                .agg(
                        expr("max(peak_mem_bytes) AS peak_bytes"),
                        expr(
                                "max(greatest(peak_mem_bytes, selection_peak_bytes))"
                                        + " AS peak_with_selection_bytes"))
                .orderBy("method", "budget", "pair");
    }

    static List<SeedAccuracy> collectAccuracies(StageContext c) {
        List<SeedAccuracy> out = new ArrayList<>();
        for (Row r : accuracies(c).collectAsList()) {
            out.add(
                    new SeedAccuracy(
                            r.getAs("method"),
                            r.getAs("budget"),
                            r.getAs("pair"),
                            r.<Long>getAs("seed"),
                            r.<Double>getAs("accuracy_pct")));
        }
        return out;
    }

    static List<PairPeak> collectPeaks(StageContext c) {
        List<PairPeak> out = new ArrayList<>();
        for (Row r : peaks(c).collectAsList()) {
            out.add(
                    new PairPeak(
                            r.getAs("method"),
                            r.getAs("budget"),
                            r.getAs("pair"),
                            r.<Long>getAs("peak_bytes"),
                            r.<Long>getAs("peak_with_selection_bytes")));
        }
        return out;
    }
}
