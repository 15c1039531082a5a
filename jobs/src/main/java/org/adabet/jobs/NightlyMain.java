package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.OutputCheck;
import org.adabet.jobs.report.RunComparison;
import org.adabet.jobs.sql.ResultsCatalog;
import org.adabet.provenance.Versions;
import org.adabet.sweep.SweepPlan;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adabet nightly}: runs the nightly sweep for today's run date (a rerun the same day resumes
 * it), then compares it with the most recent earlier run of the same configuration name. Exit
 * status 4 when something regressed; otherwise the sweep's (0, or 3 when some task failed); 2 on a
 * bad configuration.
 */
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description =
                "Runs the nightly sweep and compares it with the previous run; exit 4 on a regression.")
public final class NightlyMain implements Callable<Integer> {
    @Option(
            names = "--conf",
            paramLabel = "FILE",
            description = "the nightly configuration (default: conf/nightly.conf)")
    String conf;

    @Option(
            names = "--set",
            paramLabel = "key=value",
            description = "overrides one key of the sweep, after the nightly configuration's own")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--run-date",
            paramLabel = "YYYY-MM-DD",
            description = "the run date (default: today, UTC)")
    String runDate;

    public static void main(String[] args) {
        Cli.main(new NightlyMain(), args);
    }

    @Override
    public Integer call() {
        NightlyConf nightly;
        SweepConfig config;
        String date;
        try {
            nightly = NightlyConf.load(conf);
            List<String> all = new ArrayList<>(nightly.set());
            all.addAll(overrides);
            config = ConfigLoader.load(nightly.sweep(), all);
            SweepPlan.of(config);
            date =
                    runDate == null
                            ? java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()
                            : java.time.LocalDate.parse(runDate).toString();
            OutputCheck.requireWritable(config.outputDir());
        } catch (IllegalArgumentException
                | ConfigException
                | OutputCheck.UnusableOutputException
                | java.time.format.DateTimeParseException e) {
            System.err.println("adabet nightly: " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
        SparkSession spark =
                LocalSpark.session("adabet-nightly-" + config.name(), config.spark().master());
        try {
            SweepResult result =
                    new SweepJob(spark, config, Versions.gitCommit(), false, date).run();
            System.out.println(
                    "adabet nightly: run " + result.runId() + " -> " + result.outputDir());
            ResultsCatalog.RunFolderInfo previous =
                    RunComparison.previous(spark, config.outputDir(), result.runId());
            if (previous == null) {
                System.out.println(
                        "adabet nightly: no earlier run of '"
                                + config.name()
                                + "' with another run id: nothing to compare");
                return result.exitStatus();
            }
            RunComparison.Compared c =
                    RunComparison.compare(
                            spark,
                            config.outputDir(),
                            previous.runId(),
                            config.outputDir(),
                            result.runId(),
                            nightly.tolerances());
            System.out.print(c.regressions().toMarkdown());
            return c.regressions().regressed() ? CompareMain.REGRESSED : result.exitStatus();
        } finally {
            spark.stop();
        }
    }
}
