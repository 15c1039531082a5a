package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.OutputCheck;
import org.adabet.provenance.Versions;
import org.adabet.report.AgreementTable;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.SweepPlan;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet run [--config FILE|NAME] [--set key=value]... [--force] [--plan]}: runs one sweep
 * (or resumes an interrupted one) and prints the comparison table; with {@code --plan}, prints the
 * sweep's task counts and estimated time instead ({@link RunPlan}). {@code -Dadabet.key=value} JVM
 * options override the file and {@code --set}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Runs an AdaBet sweep in Spark (local mode by default) and prints the comparison table.")
public final class RunMain implements Callable<Integer> {
    @Option(
            names = "--config",
            paramLabel = "FILE|NAME",
            description =
                    "a HOCON file (from the caller's directory) or a bundled configuration: "
                            + "base, devices, paper, quick, synthetic (default: ${DEFAULT-VALUE})")
    String source = "quick";

    /**
     * {@code --conf}: the old name, kept working but out of the help so it no longer reads like
     * spark-submit's.
     */
    @Option(names = "--conf", hidden = true, paramLabel = "FILE|NAME")
    void conf(String value) {
        source = value;
    }

    @Option(
            names = "--set",
            paramLabel = "key=value",
            description =
                    "overrides one key, e.g. --set retrain.epochs=3 (the 'adabet.' prefix is optional)")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--plan",
            description =
                    "prints the task counts per stage and an estimated wall time, then exits"
                            + " without running the sweep (the first plan times a few training"
                            + " steps of each architecture and caches them beside the pretrained"
                            + " models)")
    boolean plan;

    @Option(
            names = "--force",
            description =
                    "recompute every task, even those an earlier attempt of the same run finished")
    boolean force;

    @Option(
            names = "--run-date",
            paramLabel = "YYYY-MM-DD",
            description =
                    "the run folder's date (default: the date of this run's folder when it has one,"
                            + " so a resumed run continues there; else today, UTC)")
    void runDate(String value) {
        try {
            runDate = java.time.LocalDate.parse(value).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--run-date: not a date YYYY-MM-DD: '" + value + "'");
        }
    }

    String runDate;

    @Option(
            names = "--max-failures",
            paramLabel = "N",
            description =
                    "stop the sweep after the first stage that leaves more than N failed tasks or"
                            + " selections (exit status 3; default: no limit)")
    void maxFailures(int value) {
        if (value < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--max-failures: must be >= 0, was " + value);
        }
        maxFailures = value;
    }

    Integer maxFailures;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Cli.main(new RunMain(), args);
    }

    @Override
    public Integer call() {
        SweepConfig config;
        try {
            config = ConfigLoader.load(source, overrides);
            SweepPlan.of(config);
        } catch (ConfigException e) {
            System.err.println("adabet run: configuration error: " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
        if (plan) {
            // No Spark, no run folder: the plan reads only the configuration, the data sizes and
            // the calibration cache.
            return RunPlan.print(config, System.out);
        }
        // Output location: checked before Spark starts, so an unusable output.dir costs no
        // pretraining.
        try {
            OutputCheck.requireWritable(config.outputDir());
        } catch (OutputCheck.UnusableOutputException e) {
            System.err.println("adabet run: " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
        SparkSession spark = LocalSpark.session("adabet-" + config.name(), config.spark().master());
        int status;
        try {
            SweepJob job = new SweepJob(spark, config, Versions.gitCommit(), force, runDate);
            if (maxFailures != null) {
                job.maxFailures(maxFailures);
            }
            SweepResult result = job.run();
            print(result);
            status = result.exitStatus();
        } finally {
            spark.stop();
        }
        // Exit status: 0 all done, 2 bad arguments or output (above), 3 some task or selection
        // failed.
        return status;
    }

    private static void print(SweepResult result) {
        ComparisonTable table = result.comparison();
        System.out.println();
        System.out.println("AdaBet sweep " + result.runId() + " -> " + result.outputDir());
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.println();
        for (Map.Entry<String, double[]> e : table.spreadByPair().entrySet()) {
            double[] s = e.getValue();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%s: best method %.2f%%, worst %.2f%%, spread %.2f points%n",
                    e.getKey(),
                    s[0],
                    s[1],
                    s[0] - s[1]);
        }
        if (!result.agreement().isEmpty()) {
            System.out.println();
            System.out.println(
                    "Agreement of each method's layer scores with the oracle (each layer retrained alone):");
            System.out.println();
            System.out.print(AgreementTable.toMarkdown(result.agreement()));
        }
        if (result.failureSummary() != null) {
            System.out.println(result.failureSummary());
        }
    }
}
