package org.adabet.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adabet.sweep.RetrainOutcome;

/** The pair x method comparison table, as rows, CSV and Markdown. */
public final class ComparisonTable {
    /** Column names of the CSV, in order. */
    public static final List<String> COLUMNS = List.of("pair", "method", "rho", "runs", "failed", "best_acc",
            "final_acc", "acc_before", "layers_trained", "layers_total", "params_trained", "params_total",
            "selection_ms", "train_ms", "layers");

    private final List<ComparisonRow> rows;

    private ComparisonTable(List<ComparisonRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Groups outcomes by (pair, method, rho) in a fixed order and averages over seeds. */
    public static ComparisonTable of(List<RetrainOutcome> outcomes, Map<String, Integer> layersPerPair) {
        Map<String, List<RetrainOutcome>> groups = new TreeMap<>();
        for (RetrainOutcome o : outcomes) {
            groups.computeIfAbsent(groupKey(o), k -> new ArrayList<>()).add(o);
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (List<RetrainOutcome> g : groups.values()) {
            g.sort(Comparator.comparingLong(o -> o.task().seed()));
            List<RetrainOutcome> ok = g.stream().filter(RetrainOutcome::succeeded).toList();
            RetrainOutcome first = g.get(0);
            String pair = first.task().pair().key();
            rows.add(new ComparisonRow(pair, first.task().method(), first.task().rho(), ok.size(),
                    g.size() - ok.size(),
                    100 * mean(ok.stream().mapToDouble(RetrainOutcome::bestAccuracy).toArray()),
                    100 * mean(ok.stream().mapToDouble(RetrainOutcome::finalAccuracy).toArray()),
                    100 * mean(ok.stream().mapToDouble(RetrainOutcome::accuracyBefore).toArray()),
                    first.task().layers().size(), layersPerPair.getOrDefault(pair, 0),
                    Math.round(mean(ok.stream().mapToDouble(RetrainOutcome::trainableParameters).toArray())),
                    ok.isEmpty() ? 0 : ok.get(0).totalParameters(),
                    mean(g.stream().mapToDouble(o -> o.task().selectionMillis()).toArray()),
                    mean(ok.stream().mapToDouble(RetrainOutcome::trainMillis).toArray()),
                    String.join(" ", first.task().layers())));
        }
        return new ComparisonTable(rows);
    }

    private static String groupKey(RetrainOutcome o) {
        // Methods without a budget sort before budgeted ones within a pair.
        String rho = o.task().rho() == null ? "0" : String.format(Locale.ROOT, "1%.6f", o.task().rho());
        return o.task().pair().key() + "\u0000" + o.task().method() + "\u0000" + rho;
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    /**
     * For each pair: the best and the worst method's mean best accuracy, in percent. The
     * benchmark is only informative when no method saturates and methods differ.
     */
    public Map<String, double[]> spreadByPair() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (ComparisonRow r : rows) {
            if (r.runs() == 0) {
                continue;
            }
            double[] s = out.computeIfAbsent(r.pair(), k -> new double[] {Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY});
            s[0] = Math.max(s[0], r.bestAccuracy());
            s[1] = Math.min(s[1], r.bestAccuracy());
        }
        return out;
    }

    public String toCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ComparisonRow r : rows) {
            sb.append(String.join(",", r.pair(), r.method(), r.rho() == null ? "" : fmt(r.rho(), 3),
                    Integer.toString(r.runs()), Integer.toString(r.failed()), fmt(r.bestAccuracy(), 2),
                    fmt(r.finalAccuracy(), 2), fmt(r.accuracyBefore(), 2), Integer.toString(r.layersTrained()),
                    Integer.toString(r.layersTotal()), Long.toString(r.parametersTrained()),
                    Long.toString(r.parametersTotal()), fmt(r.selectionMillis(), 1), fmt(r.trainMillis(), 0),
                    '"' + r.layers() + '"')).append('\n');
        }
        return sb.toString();
    }

    /** A Markdown table for people (and for the console). */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| pair | method | rho | best acc % | final acc % | before % | layers | params trained "
                + "| selection ms | runs (failed) |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ComparisonRow r : rows) {
            sb.append("| ").append(r.pair())
                    .append(" | ").append(r.method())
                    .append(" | ").append(r.rho() == null ? "-" : fmt(r.rho(), 2))
                    .append(" | ").append(fmt(r.bestAccuracy(), 2))
                    .append(" | ").append(fmt(r.finalAccuracy(), 2))
                    .append(" | ").append(fmt(r.accuracyBefore(), 2))
                    .append(" | ").append(r.layersTrained()).append('/').append(r.layersTotal())
                    .append(" | ").append(r.parametersTrained()).append(" (")
                    .append(r.parametersTotal() == 0 ? "-" : fmt(100.0 * r.parametersTrained() / r.parametersTotal(), 1))
                    .append("%)")
                    .append(" | ").append(fmt(r.selectionMillis(), 1))
                    .append(" | ").append(r.runs()).append(r.failed() > 0 ? " (" + r.failed() + " failed)" : "")
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonTable t && t.rows.equals(rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows);
    }
}
