package org.adabet.jobs.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.plot.AgreementCell;
import org.adabet.plot.LayerProfile;
import org.adabet.plot.MethodPoint;
import org.adabet.plot.SelectionTime;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The plots' rows, by Spark SQL over the views {@link org.adabet.jobs.sql.ResultsCatalog}
 * registered for one run ({@code retrain_runs}, {@code selections}, {@code layer_scores}, {@code
 * oracle_runs}, {@code agreement}). Every query orders its rows, so the plots come out the same for
 * the same tables.
 */
final class ReportData {
    private final SparkSession spark;
    private final Set<String> views;

    /**
     * @param views the run's registered table views
     */
    ReportData(SparkSession spark, List<String> views) {
        this.spark = spark;
        this.views = new HashSet<>(views);
    }

    boolean has(String view) {
        return views.contains(view);
    }

    /** The pairs with successful retrain runs, sorted. */
    List<String> pairs() {
        if (!has("retrain_runs")) {
            return List.of();
        }
        return spark
                .sql("SELECT DISTINCT pair FROM retrain_runs WHERE status = 'ok' ORDER BY pair")
                .collectAsList()
                .stream()
                .map(r -> r.getString(0))
                .toList();
    }

    /**
     * One point per method and budget of {@code pair}: mean test accuracy (epoch chosen on
     * validation) over successful seeds, the largest peak memory, and an interval: {@code
     * intervals}' (pair|method|budget -> [low, high] in percent) when given, else min-max over
     * seeds when there are several.
     */
    List<MethodPoint> points(String pair, Map<String, double[]> intervals) {
        List<MethodPoint> out = new ArrayList<>();
        for (Row r :
                spark.sql(
                                "SELECT method, budget, count(*) AS seeds, 100 * avg(test_acc),"
                                        + " 100 * min(test_acc), 100 * max(test_acc),"
                                        + " max(peak_mem_bytes) FROM retrain_runs"
                                        + " WHERE status = 'ok' AND test_acc IS NOT NULL AND pair = '"
                                        + sqlString(pair)
                                        + "' GROUP BY method, budget ORDER BY method, budget")
                        .collectAsList()) {
            String method = r.getString(0);
            String budget = r.getString(1);
            double[] ci = intervals.get(pair + "|" + method + "|" + budget);
            double low = Double.NaN;
            double high = Double.NaN;
            if (ci != null) {
                low = ci[0];
                high = ci[1];
            } else if (r.getLong(2) > 1) {
                low = r.getDouble(4);
                high = r.getDouble(5);
            }
            out.add(new MethodPoint(method, budget, r.getDouble(3), low, high, r.getLong(6)));
        }
        return out;
    }

    /** The budget whose selections the layer profiles mark: the largest rho, else the first. */
    String markedBudget() {
        List<String> budgets =
                spark
                        .sql(
                                "SELECT budget, max(rho) AS r FROM selections WHERE status = 'ok'"
                                        + " GROUP BY budget ORDER BY (r IS NULL), r DESC, budget")
                        .collectAsList()
                        .stream()
                        .map(r -> r.getString(0))
                        .toList();
        return budgets.isEmpty() ? "-" : budgets.get(0);
    }

    /** {@code pair}'s scores per method, oracle gains and the selections at {@code budget}. */
    LayerProfile profile(String pair, String budget) {
        String p = sqlString(pair);
        List<String> layers = new ArrayList<>();
        Map<String, double[]> scores = new LinkedHashMap<>();
        List<Row> rows =
                spark.sql(
                                "SELECT method, layer_index, layer, score FROM layer_scores"
                                        + " WHERE pair = '"
                                        + p
                                        + "' ORDER BY method, layer_index")
                        .collectAsList();
        for (Row r : rows) {
            int i = r.getInt(1);
            while (layers.size() <= i) {
                layers.add(null);
            }
            layers.set(i, r.getString(2));
        }
        for (Row r : rows) {
            scores.computeIfAbsent(r.getString(0), m -> new double[layers.size()])[r.getInt(1)] =
                    r.getDouble(3);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i), i);
        }
        double[] gain = null;
        if (has("oracle_runs")) {
            gain = new double[layers.size()];
            java.util.Arrays.fill(gain, Double.NaN);
            for (Row r :
                    spark.sql(
                                    "SELECT layers[0], 100 * avg(test_acc - acc_before)"
                                            + " FROM oracle_runs WHERE status = 'ok' AND pair = '"
                                            + p
                                            + "' GROUP BY layers[0] ORDER BY 1")
                            .collectAsList()) {
                Integer i = index.get(r.getString(0));
                if (i != null) {
                    gain[i] = r.getDouble(1);
                }
            }
        }
        Map<String, Set<Integer>> selected = new LinkedHashMap<>();
        if (has("selections")) {
            for (Row r :
                    spark.sql(
                                    "SELECT method, layers FROM selections WHERE status = 'ok'"
                                            + " AND pair = '"
                                            + p
                                            + "' AND budget = '"
                                            + sqlString(budget)
                                            + "' AND seed = (SELECT min(seed) FROM selections"
                                            + " WHERE pair = '"
                                            + p
                                            + "') ORDER BY method")
                            .collectAsList()) {
                Set<Integer> chosen = new HashSet<>();
                for (Object layer : r.getList(1)) {
                    Integer i = index.get(String.valueOf(layer));
                    if (i != null) {
                        chosen.add(i);
                    }
                }
                selected.put(r.getString(0), chosen);
            }
        }
        return new LayerProfile(pair, layers, scores, gain, selected, budget);
    }

    /** Each scoring method's Spearman correlation with the oracle per pair. */
    List<AgreementCell> agreement() {
        return spark
                .sql("SELECT pair, method, spearman FROM agreement ORDER BY method, pair")
                .collectAsList()
                .stream()
                .map(
                        r ->
                                new AgreementCell(
                                        r.getString(0),
                                        r.getString(1),
                                        r.isNullAt(2) ? Double.NaN : r.getDouble(2)))
                .toList();
    }

    /** Mean selection time per pair and method over successful selections. */
    List<SelectionTime> selectionTimes() {
        return spark
                .sql(
                        "SELECT pair, method, avg(selection_ms) FROM selections WHERE status = 'ok'"
                                + " GROUP BY pair, method ORDER BY method, pair")
                .collectAsList()
                .stream()
                .map(r -> new SelectionTime(r.getString(0), r.getString(1), r.getDouble(2)))
                .toList();
    }

    /** A Spark SQL string literal's content: quotes and backslashes escaped. */
    static String sqlString(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }
}
