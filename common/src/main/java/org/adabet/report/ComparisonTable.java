package org.adabet.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.device.DeviceProfile;
import org.adabet.stats.Summary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The pair x method x budget comparison table as rows, CSV and Markdown: formatting only; the rows
 * are aggregated over seeds by the comparison stage's Spark SQL query ({@link ComparisonGroup}).
 */
public final class ComparisonTable {
    private final List<ComparisonRow> rows;
    private final List<DeviceProfile> devices;

    ComparisonTable(List<ComparisonRow> rows, List<DeviceProfile> devices) {
        this.rows = List.copyOf(rows);
        this.devices = List.copyOf(devices);
    }

    /**
     * The table of {@code rows}, in their order (the comparison query's: within a pair methods by
     * name, budgets without a value first, then rho, then memory).
     *
     * @param devices the configured devices, in the order of each row's {@code deviceSeconds}
     */
    public static ComparisonTable of(List<ComparisonRow> rows, List<DeviceProfile> devices) {
        return new ComparisonTable(rows, devices);
    }

    public List<ComparisonRow> rows() {
        return rows;
    }

    /**
     * For each pair: the best and the worst method's mean test accuracy (at the validation-chosen
     * epoch), in percent. The benchmark is only informative when no method saturates and methods
     * differ.
     */
    public Map<String, double[]> spreadByPair() {
        Map<String, double[]> out = new TreeMap<>();
        for (ComparisonRow r : rows) {
            if (r.runs() == 0) {
                continue;
            }
            double[] s =
                    out.computeIfAbsent(
                            r.pair(),
                            k -> new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
            s[0] = Math.max(s[0], r.accuracy().mean());
            s[1] = Math.min(s[1], r.accuracy().mean());
        }
        return out;
    }

    /**
     * The table as RFC 4180 CSV (CRLF lines; a cell holding a comma, quote or line break is quoted,
     * quotes doubled): pair names are dataset names users choose.
     */
    public String toCsv() {
        List<String> header =
                new ArrayList<>(
                        List.of(
                                "pair",
                                "method",
                                "budget",
                                "runs",
                                "failed",
                                "acc_mean",
                                "acc_sd",
                                "acc_ci95_low",
                                "acc_ci95_high",
                                "final_test_acc",
                                "val_acc",
                                "acc_before",
                                "layers_trained",
                                "layers_total",
                                "params_trained",
                                "params_total",
                                "peak_mem_bytes",
                                "ref_mem_bytes",
                                "fits",
                                "selection_ms",
                                "selection_peak_bytes",
                                "needs_labels",
                                "forward_passes",
                                "backward_passes",
                                "train_ms",
                                "layers"));
        devices.forEach(d -> header.add("device_s_" + d.name()));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (ComparisonRow r : rows) {
                List<String> cells =
                        new ArrayList<>(
                                List.of(
                                        r.pair(),
                                        r.method(),
                                        r.budget(),
                                        Integer.toString(r.runs()),
                                        Integer.toString(r.failed()),
                                        fmt(r.accuracy().mean(), 2),
                                        fmt(r.accuracy().sd(), 2),
                                        fmt(r.accuracy().ci95Low(), 2),
                                        fmt(r.accuracy().ci95High(), 2),
                                        fmt(r.finalAccuracy(), 2),
                                        fmt(r.validationAccuracy(), 2),
                                        fmt(r.accuracyBefore(), 2),
                                        Integer.toString(r.layersTrained()),
                                        Integer.toString(r.layersTotal()),
                                        Long.toString(r.parametersTrained()),
                                        Long.toString(r.parametersTotal()),
                                        Long.toString(r.peakMemoryBytes()),
                                        Long.toString(r.referenceMemoryBytes()),
                                        String.join(" ", r.fits()),
                                        fmt(r.selectionMillis(), 1),
                                        Long.toString(r.selectionPeakBytes()),
                                        Boolean.toString(r.needsLabels()),
                                        Integer.toString(r.forwardPasses()),
                                        Integer.toString(r.backwardPasses()),
                                        fmt(r.trainMillis(), 0),
                                        r.layers()));
                r.deviceSeconds().forEach(s -> cells.add(fmt(s, 3)));
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot format the comparison table", e); // a StringWriter never fails
        }
        return out.toString();
    }

    /** A Markdown table for people (and for the console). */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "| pair | method | budget | test acc % ± sd [95% CI] | final % | val % | layers "
                        + "| params trained | peak MiB (ours / ref) | fits "
                        + "| selection ms (peak MiB; labels, fwd/bwd) | runs |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (ComparisonRow r : rows) {
            sb.append("| ")
                    .append(r.pair())
                    .append(" | ")
                    .append(r.method())
                    .append(" | ")
                    .append(r.budget())
                    .append(" | ")
                    .append(interval(r.accuracy()))
                    .append(" | ")
                    .append(fmt(r.finalAccuracy(), 2))
                    .append(" | ")
                    .append(fmt(r.validationAccuracy(), 2))
                    .append(" | ")
                    .append(r.layersTrained())
                    .append('/')
                    .append(r.layersTotal())
                    .append(" | ")
                    .append(r.parametersTrained())
                    .append(" (")
                    .append(
                            r.parametersTotal() == 0
                                    ? "-"
                                    : fmt(100.0 * r.parametersTrained() / r.parametersTotal(), 1))
                    .append("%)")
                    .append(" | ")
                    .append(mib(r.peakMemoryBytes()))
                    .append(" / ")
                    .append(mib(r.referenceMemoryBytes()))
                    .append(" | ")
                    .append(r.fits().isEmpty() ? "none" : String.join(", ", r.fits()))
                    .append(" | ")
                    .append(fmt(r.selectionMillis(), 0))
                    .append(" (")
                    .append(mib(r.selectionPeakBytes()))
                    .append("; ")
                    .append(r.needsLabels() ? "labels" : "no labels")
                    .append(", ")
                    .append(r.forwardPasses())
                    .append('/')
                    .append(r.backwardPasses())
                    .append(')')
                    .append(" | ")
                    .append(r.runs())
                    .append(r.failed() > 0 ? " (" + r.failed() + " failed)" : "")
                    .append(" |\n");
        }
        return sb.toString();
    }

    /** "mean ± sd [low, high]", or the mean alone when one seed gives no spread. */
    static String interval(Summary s) {
        if (Double.isNaN(s.sd())) {
            return fmt(s.mean(), 2);
        }
        return fmt(s.mean(), 2)
                + " ± "
                + fmt(s.sd(), 2)
                + " ["
                + fmt(s.ci95Low(), 2)
                + ", "
                + fmt(s.ci95High(), 2)
                + "]";
    }

    private static String mib(long bytes) {
        return fmt(bytes / 1048576.0, 2);
    }

    static String fmt(double v, int decimals) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
