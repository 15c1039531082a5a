package org.adabet.jobs;

import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.jobs.report.RunComparison;
import org.adabet.regression.Tolerances;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adabet compare RUN_A RUN_B}: RUN_B against the earlier RUN_A, per pair x method x budget,
 * with the tolerances of {@code conf/nightly.conf}; writes {@code regression.md} / {@code .csv}
 * into RUN_B's folder and rewrites its report. Exit status 0 when nothing regressed, 4 when
 * something did, 2 on bad arguments or no such run.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Compares run RUN_B with the earlier RUN_A; exit 4 when something regressed.")
public final class CompareMain implements Callable<Integer> {
    /** The exit status when the later run regressed. */
    public static final int REGRESSED = 4;

    @Parameters(
            index = "0",
            paramLabel = "RUN_A",
            description = "the earlier run: id, prefix or latest")
    String runA;

    @Parameters(
            index = "1",
            paramLabel = "RUN_B",
            description = "the later run: id, prefix or latest")
    String runB;

    @Option(
            names = "--results",
            paramLabel = "DIR",
            description = "where the runs are (default: the project's results folder)")
    String results;

    @Option(
            names = "--results-a",
            paramLabel = "DIR",
            description = "where RUN_A is, when elsewhere (default: --results)")
    String resultsA;

    @Option(
            names = "--conf",
            paramLabel = "FILE",
            description =
                    "a nightly configuration whose 'compare' block holds the tolerances"
                            + " (default: conf/nightly.conf of the project)")
    String conf;

    public static void main(String[] args) {
        Cli.main(new CompareMain(), args);
    }

    @Override
    public Integer call() {
        Tolerances tolerances;
        try {
            tolerances = NightlyConf.load(conf).tolerances();
        } catch (IllegalArgumentException e) {
            System.err.println("adabet compare: " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
        String later = RunChoice.location(results);
        String earlier = resultsA == null ? later : RunChoice.location(resultsA);
        SparkSession spark = LocalSpark.session("adabet-compare", "local[2]");
        try {
            RunComparison.Compared c;
            try {
                c = RunComparison.compare(spark, earlier, runA, later, runB, tolerances);
            } catch (IllegalArgumentException e) {
                System.err.println("adabet compare: " + e.getMessage());
                return Cli.USAGE_ERROR;
            }
            System.out.print(c.regressions().toMarkdown());
            System.out.println(
                    "\nwritten: " + c.folder() + "/regression.md, regression.csv, report.html");
            return c.regressions().regressed() ? REGRESSED : 0;
        } finally {
            spark.stop();
        }
    }
}
