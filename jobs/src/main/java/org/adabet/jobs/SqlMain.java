package org.adabet.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.jobs.sql.ResultPrinter;
import org.adabet.jobs.sql.ResultsCatalog;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adabet sql [--results DIR] [--run ID|latest] [--csv] "SELECT ..."}: one query over a run's
 * tables and the {@code runs} index, printed as a Markdown table (or CSV). Without a query it lists
 * the views. Exit status 0, 1 when the query fails, 2 on bad arguments or no such run.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Runs one Spark SQL query over a run's tables and the runs index.")
public final class SqlMain implements Callable<Integer> {
    @Mixin RunChoice choice = new RunChoice();

    @Option(names = "--csv", description = "print CSV (RFC 4180) instead of a Markdown table")
    boolean csv;

    @Parameters(
            arity = "0..1",
            paramLabel = "QUERY",
            description =
                    "e.g. \"SELECT method, avg(test_acc) FROM "
                            + "retrain_runs GROUP BY method\"; without one, the views are listed")
    String query;

    public static void main(String[] args) {
        Cli.main(new SqlMain(), args);
    }

    @Override
    public Integer call() throws Exception {
        SparkSession spark = LocalSpark.session("adabet-sql", "local[2]");
        try {
            ResultsCatalog catalog = new ResultsCatalog(spark, choice.location());
            ResultsCatalog.RunFolderInfo chosen;
            List<String> tables;
            try {
                chosen = catalog.find(choice.run());
                tables = catalog.register(chosen);
            } catch (IllegalArgumentException e) {
                System.err.println("adabet sql: " + e.getMessage());
                return 2;
            }
            if (query == null) {
                System.out.println(
                        "run "
                                + chosen.runId()
                                + " ("
                                + chosen.name()
                                + ", "
                                + chosen.created()
                                + ") at "
                                + chosen.folder());
                System.out.println("views: runs, " + String.join(", ", tables));
                return 0;
            }
            try {
                Dataset<Row> result = spark.sql(query);
                System.out.print(csv ? ResultPrinter.csv(result) : ResultPrinter.markdown(result));
                return 0;
            } catch (Exception e) {
                // Scala throws AnalysisException undeclared. Unknown table or column, syntax error:
                // Spark's first line says which; the plan dump is noise.
                if (!(e instanceof AnalysisException)) {
                    throw e;
                }
                System.err.println(
                        "adabet sql: " + e.getMessage().lines().findFirst().orElse("query failed"));
                return 1;
            }
        } finally {
            spark.stop();
        }
    }
}
