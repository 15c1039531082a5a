package org.adabet.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adabet.cli.Cli;
import org.adabet.cli.VersionProvider;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.sql.ResultsCatalog;
import org.adabet.jobs.stage.Stages;
import org.adabet.provenance.RunProvenance;
import org.adabet.provenance.Versions;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adabet stage NAME --run ID}: runs one stage of an existing run again, alone, on the tables
 * its earlier stages wrote, with the configuration the run recorded; its tasks resume as in a whole
 * run ({@code --force} recomputes them). Exit status 0, 2 on bad arguments (no such stage or run,
 * an input table missing), 3 when some of its tasks or selections failed.
 */
@Command(
        name = "stage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Runs one stage of an existing run alone, on the tables it already has.")
public final class StageMain implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description =
                    "plan, pretrain, layer_statistics, gradient_statistics, scores,"
                            + " rank_stability, selections, retrain, oracle, agreement,"
                            + " comparison, tests")
    String stage;

    @Mixin RunChoice choice = new RunChoice();

    @Option(names = "--force", description = "recompute this stage's tasks, even those finished")
    boolean force;

    @Option(
            names = "--set",
            paramLabel = "key=value",
            description =
                    "overrides a key that does not change results (spark.*, e.g."
                            + " --set spark.partitions=4)")
    List<String> overrides = new ArrayList<>();

    public static void main(String[] args) {
        Cli.main(new StageMain(), args);
    }

    @Override
    public Integer call() {
        try {
            Stages.named(stage);
        } catch (IllegalArgumentException e) {
            System.err.println("adabet stage: " + e.getMessage());
            return Cli.USAGE_ERROR;
        }
        String location = choice.location();
        SparkSession spark = null;
        try {
            spark = LocalSpark.session("adabet-stage-" + stage, "local[2]");
            ResultsCatalog.RunFolderInfo found;
            RunProvenance recorded;
            SweepConfig config;
            try {
                found = new ResultsCatalog(spark, location).find(choice.run());
                RunFolder folder =
                        RunFolder.of(
                                found.folder(), "", spark.sparkContext().hadoopConfiguration());
                String file = found.folder() + "/provenance.json";
                recorded = RunProvenance.fromJson(folder.readText("provenance.json"), file);
                List<String> all = new ArrayList<>(overrides);
                all.add("output.dir=" + quoted(location));
                config = ConfigLoader.loadRendered(recorded.config().toString(), file, all);
                if (!config.science()
                        .equals(
                                ConfigLoader.loadRendered(
                                                recorded.config().toString(), file, List.of())
                                        .science())) {
                    System.err.println(
                            "adabet stage: --set may change only keys that do not change results"
                                    + " (spark.*, output.*): "
                                    + overrides);
                    return Cli.USAGE_ERROR;
                }
            } catch (IllegalArgumentException | ConfigException e) {
                System.err.println("adabet stage: " + e.getMessage());
                return Cli.USAGE_ERROR;
            }
            SweepJob job =
                    new SweepJob(
                            spark,
                            config,
                            Versions.gitCommit(),
                            false,
                            recorded.runDate(),
                            found.runId());
            int failed;
            try {
                failed = job.runStage(stage, force);
            } catch (IllegalStateException missingInput) {
                System.err.println("adabet stage: " + missingInput.getMessage());
                return Cli.USAGE_ERROR;
            }
            return failed == 0 ? 0 : SweepResult.SOME_FAILED;
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
