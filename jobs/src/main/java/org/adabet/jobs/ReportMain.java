package org.adabet.jobs;

import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.jobs.report.RunReport;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code adabet report [--results DIR] [--run ID|latest]}: (re)writes the plots and {@code
 * report.html} of a run that exists. Exit status 0, 2 when there is no such location or run.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "(Re)writes a run's plots and report.html beside its tables.")
public final class ReportMain implements Callable<Integer> {
    @Mixin RunChoice choice = new RunChoice();

    public static void main(String[] args) {
        Cli.main(new ReportMain(), args);
    }

    @Override
    public Integer call() {
        SparkSession spark = LocalSpark.session("adabet-report", "local[2]");
        try {
            RunReport.Written w;
            try {
                w = RunReport.write(spark, choice.location(), choice.run());
            } catch (IllegalArgumentException e) {
                System.err.println("adabet report: " + e.getMessage());
                return 2;
            }
            System.out.println(w.report());
            for (String f : w.figures()) {
                System.out.println("  plot-" + f + ".png, .svg");
            }
            for (String why : w.notDrawn()) {
                System.out.println("  not drawn: " + why);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
