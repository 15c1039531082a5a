package org.adabet.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.sql.ResultsCatalog;
import org.adabet.regression.Regressions;
import org.adabet.regression.RunMetrics;
import org.adabet.regression.Tolerances;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares two runs found through {@link ResultsCatalog} ({@code adabet compare}, {@code adabet
 * nightly}): reads each run's {@code retrain_runs} per pair x method x budget, writes {@code
 * regression.md} and {@code regression.csv} into the later run's folder, and rewrites that run's
 * report, which then carries the regression section.
 */
public final class RunComparison {
    private RunComparison() {}

    /** The outcome, and where it was written. */
    public record Compared(
            ResultsCatalog.RunFolderInfo earlier,
            ResultsCatalog.RunFolderInfo later,
            Regressions regressions,
            String folder) {}

    /**
     * @param earlierResults the earlier run's results location (usually {@code laterResults})
     * @param earlier the earlier run: {@code latest}, an id or a unique prefix
     * @param laterResults the later run's results location; the outputs go into that run's folder
     * @param later the later run
     */
    public static Compared compare(
            SparkSession spark,
            String earlierResults,
            String earlier,
            String laterResults,
            String later,
            Tolerances tolerances) {
        ResultsCatalog a = new ResultsCatalog(spark, earlierResults);
        ResultsCatalog.RunFolderInfo before = a.find(earlier);
        List<RunMetrics> then = metrics(spark, a, before);
        ResultsCatalog b = new ResultsCatalog(spark, laterResults);
        ResultsCatalog.RunFolderInfo after = b.find(later);
        List<RunMetrics> now = metrics(spark, b, after);
        Regressions r =
                Regressions.compare(describe(before), then, describe(after), now, tolerances);
        RunFolder folder = RunFolder.at(after.folder(), spark.sparkContext().hadoopConfiguration());
        folder.writeText("regression.md", r.toMarkdown());
        folder.writeText("regression.csv", r.toCsv());
        RunReport.write(spark, laterResults, after.runId());
        return new Compared(before, after, r, folder.uri());
    }

    /**
     * The most recent run of {@code run}'s configuration name created before it with another run
     * id, or null when there is none.
     */
    public static ResultsCatalog.RunFolderInfo previous(
            SparkSession spark, String results, String run) {
        ResultsCatalog catalog = new ResultsCatalog(spark, results);
        ResultsCatalog.RunFolderInfo current = catalog.find(run);
        ResultsCatalog.RunFolderInfo found = null;
        for (ResultsCatalog.RunFolderInfo r : catalog.runs()) {
            if (r.name().equals(current.name())
                    && !r.runId().equals(current.runId())
                    && r.created().compareTo(current.created()) < 0) {
                found = r; // runs() is oldest first: the last match is the most recent
            }
        }
        return found;
    }

    private static String describe(ResultsCatalog.RunFolderInfo r) {
        return r.runId() + " (" + r.name() + ", " + r.created() + ")";
    }

    /** Per pair x method x budget over seeds; intervals as the report draws them. */
    static List<RunMetrics> metrics(
            SparkSession spark, ResultsCatalog catalog, ResultsCatalog.RunFolderInfo run) {
        List<String> views = catalog.register(run);
        if (!views.contains("retrain_runs")) {
            throw new IllegalArgumentException(
                    "run " + run.runId() + " at " + run.folder() + " has no retrain_runs table");
        }
        Map<String, double[]> ci =
                RunReport.intervals(
                        RunFolder.at(run.folder(), spark.sparkContext().hadoopConfiguration()));
        List<RunMetrics> out = new ArrayList<>();
        for (Row r :
                spark.sql(
                                "SELECT pair, method, budget, count_if(status = 'ok'),"
                                        + " 100 * avg(CASE WHEN status = 'ok' THEN test_acc END),"
                                        + " 100 * min(CASE WHEN status = 'ok' THEN test_acc END),"
                                        + " 100 * max(CASE WHEN status = 'ok' THEN test_acc END),"
                                        + " coalesce(max(CASE WHEN status = 'ok' THEN peak_mem_bytes"
                                        + " END), 0), coalesce(avg(selection_ms), 0),"
                                        + " count_if(status <> 'ok') FROM retrain_runs"
                                        + " GROUP BY pair, method, budget"
                                        + " ORDER BY pair, method, budget")
                        .collectAsList()) {
            int seeds = (int) r.getLong(3);
            double acc = r.isNullAt(4) ? Double.NaN : r.getDouble(4);
            double[] interval =
                    ci.get(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2));
            double low = Double.NaN;
            double high = Double.NaN;
            if (interval != null) {
                low = interval[0];
                high = interval[1];
            } else if (seeds > 1) {
                low = r.getDouble(5);
                high = r.getDouble(6);
            }
            out.add(
                    new RunMetrics(
                            r.getString(0),
                            r.getString(1),
                            r.getString(2),
                            seeds,
                            acc,
                            low,
                            high,
                            r.getLong(7),
                            r.getDouble(8),
                            (int) r.getLong(9)));
        }
        return out;
    }
}
