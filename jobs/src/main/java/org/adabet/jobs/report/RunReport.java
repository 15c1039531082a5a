package org.adabet.jobs.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.sql.ResultPrinter;
import org.adabet.jobs.sql.ResultsCatalog;
import org.adabet.plot.AccuracyMemoryPlot;
import org.adabet.plot.AgreementHeatmap;
import org.adabet.plot.Figure;
import org.adabet.plot.LayerProfilePlot;
import org.adabet.plot.SelectionTimePlot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a run's plots ({@code plot-<name>.png} and {@code .svg}) and {@code report.html} into its
 * folder: the comparison table, tests and claims when the run has them, the agreement with the
 * oracle, the plots (embedded as PNG data URIs, so the page stands alone; the SVGs beside it),
 * failures and provenance. The page's body is Markdown rendered by commonmark-java. Runs are found
 * through {@link ResultsCatalog}; the same tables give the same page and plots, byte for byte.
 */
public final class RunReport {
    static {
        // Java2D without a display; set before the first AWT class loads.
        System.setProperty("java.awt.headless", "true");
    }

    /** Text files of the run that the report includes when they exist, with their headings. */
    private static final List<String[]> OPTIONAL_SECTIONS =
            List.of(
                    new String[] {"tests.md", "Tests"},
                    new String[] {"claims.md", "Claims"},
                    new String[] {"regression.md", "Regression against the previous run"});

    private RunReport() {}

    /**
     * What was written.
     *
     * @param runId the run
     * @param report the URI of {@code report.html}
     * @param figures the plots' names (each written as {@code plot-<name>.png} and {@code .svg})
     * @param notDrawn plots that could not be drawn, each with the reason
     */
    public record Written(
            String runId, String report, List<String> figures, List<String> notDrawn) {}

    /**
     * The entry point the sweep calls at its end: writes the report of run {@code runId} under
     * {@code outputDir}. A report that cannot be written does not fail the finished sweep: one line
     * on stderr says why.
     */
    public static void afterSweep(SparkSession spark, String outputDir, String runId) {
        try {
            Written w = write(spark, outputDir, runId);
            System.err.println(
                    "adabet: report: "
                            + w.report()
                            + " ("
                            + w.figures().size()
                            + " plots"
                            + (w.notDrawn().isEmpty() ? "" : ", not drawn: " + w.notDrawn())
                            + ")");
        } catch (RuntimeException e) {
            System.err.println("adabet: report not written: " + e);
        }
    }

    /**
     * (Re)writes the plots and {@code report.html} of run {@code run} ({@code latest}, a run id or
     * a unique prefix) under the results location.
     *
     * @throws IllegalArgumentException when there is no such run (the message lists the runs)
     */
    public static Written write(SparkSession spark, String resultsLocation, String run) {
        ResultsCatalog catalog = new ResultsCatalog(spark, resultsLocation);
        ResultsCatalog.RunFolderInfo info = catalog.find(run);
        List<String> views = catalog.register(info);
        RunFolder folder = RunFolder.at(info.folder(), spark.sparkContext().hadoopConfiguration());
        ReportData data = new ReportData(spark, views);

        List<Figure> figures = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        draw(figures, notDrawn, data, folder);
        for (Figure f : figures) {
            folder.writeBytes("plot-" + f.name() + ".png", f.png());
            folder.writeBytes("plot-" + f.name() + ".svg", f.svg());
        }
        String markdown = markdown(info, folder, data, figures, notDrawn);
        folder.writeText(
                "report.html",
                HtmlPage.render("AdaBet run " + info.name() + " " + info.runId(), markdown));
        return new Written(
                info.runId(),
                folder.uri() + "/report.html",
                figures.stream().map(Figure::name).toList(),
                notDrawn);
    }

    private static void draw(
            List<Figure> figures, List<String> notDrawn, ReportData data, RunFolder folder) {
        Map<String, double[]> intervals = intervals(folder);
        String label = intervals.isEmpty() ? "min-max over seeds" : "95% CI over seeds";
        String budget = data.has("selections") ? data.markedBudget() : "-";
        for (String pair : data.pairs()) {
            attempt(
                    figures,
                    notDrawn,
                    "accuracy vs memory " + pair,
                    () -> AccuracyMemoryPlot.of(pair, data.points(pair, intervals), label));
            if (data.has("layer_scores")) {
                attempt(
                        figures,
                        notDrawn,
                        "layer profile " + pair,
                        () -> LayerProfilePlot.of(data.profile(pair, budget)));
            }
        }
        if (data.has("agreement")) {
            attempt(
                    figures,
                    notDrawn,
                    "agreement heat map",
                    () -> AgreementHeatmap.of(data.agreement()));
        }
        if (data.has("selections")) {
            attempt(
                    figures,
                    notDrawn,
                    "selection time",
                    () -> SelectionTimePlot.of(data.selectionTimes()));
        }
    }

    /** A plot whose rows are unusable (a pair whose runs all failed) is listed, not fatal. */
    private static void attempt(
            List<Figure> figures,
            List<String> notDrawn,
            String what,
            java.util.function.Supplier<Figure> plot) {
        try {
            figures.add(plot.get());
        } catch (IllegalArgumentException e) {
            notDrawn.add(what + ": " + e.getMessage());
        }
    }

    /**
     * 95% intervals of the mean test accuracy (percent) per pair|method|budget, from the run's
     * {@code comparison.csv} when it has {@code acc_ci95_low} and {@code acc_ci95_high} columns.
     */
    static Map<String, double[]> intervals(RunFolder folder) {
        Map<String, double[]> out = new HashMap<>();
        if (!folder.exists("comparison.csv")) {
            return out;
        }
        try {
            var records =
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(new StringReader(folder.readText("comparison.csv")));
            if (!records.getHeaderNames().contains("acc_ci95_low")
                    || !records.getHeaderNames().contains("acc_ci95_high")) {
                return out;
            }
            for (CSVRecord r : records) {
                String low = r.get("acc_ci95_low");
                String high = r.get("acc_ci95_high");
                if (!low.isBlank() && !high.isBlank()) {
                    out.put(
                            r.get("pair") + "|" + r.get("method") + "|" + r.get("budget"),
                            new double[] {Double.parseDouble(low), Double.parseDouble(high)});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read comparison.csv of " + folder, e);
        }
        return out;
    }

    private static String markdown(
            ResultsCatalog.RunFolderInfo info,
            RunFolder folder,
            ReportData data,
            List<Figure> figures,
            List<String> notDrawn) {
        StringBuilder md = new StringBuilder();
        md.append("# AdaBet run ")
                .append(ProvenanceSection.cell(info.name()))
                .append(" · ")
                .append(ProvenanceSection.cell(info.runId()))
                .append("\n\nCreated ")
                .append(ProvenanceSection.cell(info.created()))
                .append(" · folder ")
                .append(ProvenanceSection.cell(info.folder()))
                .append("\n\n");

        md.append("## Comparison\n\n");
        md.append(
                folder.exists("comparison.md")
                        ? folder.readText("comparison.md")
                        : "No comparison table in this run.\n");
        for (String[] section : OPTIONAL_SECTIONS) {
            if (folder.exists(section[0])) {
                md.append("\n## ")
                        .append(section[1])
                        .append("\n\n")
                        .append(demoted(folder.readText(section[0])))
                        .append('\n');
            }
        }
        md.append("\n## Agreement with the oracle\n\n");
        md.append(
                folder.exists("agreement.md")
                        ? demoted(folder.readText("agreement.md"))
                        : "The oracle did not run (oracle.enabled = false): no agreement.\n");

        md.append("\n## Plots\n\n");
        for (Figure f : figures) {
            md.append("### ")
                    .append(ProvenanceSection.cell(f.title()))
                    .append("\n\n![")
                    .append(ProvenanceSection.cell(f.title()))
                    .append("](data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png()))
                    .append(")\n\n[SVG](plot-")
                    .append(f.name())
                    .append(".svg) · [PNG](plot-")
                    .append(f.name())
                    .append(".png)\n\n");
        }
        for (String why : notDrawn) {
            md.append("- Not drawn: ").append(ProvenanceSection.cell(why)).append('\n');
        }

        md.append("\n## Failures\n\n");
        md.append(failures(data));

        md.append("\n## Provenance\n\n");
        md.append(
                folder.exists("provenance.json")
                        ? ProvenanceSection.markdown(folder.readText("provenance.json"))
                        : "No provenance.json in this run.\n");
        return md.toString();
    }

    private static String failures(ReportData data) {
        if (!data.has("failures")) {
            return "This run has no failures table.\n";
        }
        SparkSession spark = SparkSession.active();
        long n = spark.sql("SELECT * FROM failures").count();
        if (n == 0) {
            return "Nothing failed.\n";
        }
        Dataset<Row> shown =
                spark.sql(
                        "SELECT stage, task_key, error_class, message, attempt FROM failures"
                                + " ORDER BY stage, task_key, attempt LIMIT 200");
        return n
                + " failed tasks or selections"
                + (n > 200 ? " (the first 200 shown)" : "")
                + ":\n\n"
                + ResultPrinter.markdown(shown);
    }

    /** A run file's Markdown headings, one level down, so they nest under the report's. */
    static String demoted(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            out.append(!fenced && line.matches("#{1,5} .*") ? "##" + line : line).append('\n');
        }
        return out.toString();
    }
}
