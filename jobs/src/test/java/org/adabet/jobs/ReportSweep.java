package org.adabet.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One tiny sweep shared by the report, browser and notebook tests of a test JVM: two pairs, two
 * seeds (so accuracies have intervals), the oracle on, and a memory budget that fits no layer (so
 * there are failures to show). Its results stay under {@code target/report-sweep/} for a look.
 */
public final class ReportSweep {
    private static SweepResult result;
    private static Path dir;

    private ReportSweep() {}

    /** The sweep's result, run on the first call (in {@code spark}), reused after. */
    public static synchronized SweepResult get(SparkSession spark) {
        if (result == null) {
            dir = Path.of("target", "report-sweep").toAbsolutePath();
            try {
                deleteRecursively(dir.resolve("results"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            result =
                    new SweepJob(
                                    spark,
                                    TinySweep.config(
                                            dir.resolve("models"),
                                            dir.resolve("results").toString(),
                                            "name=quick",
                                            "data.target.train-per-class=12",
                                            "statistics.batches=2",
                                            "retrain.epochs=1",
                                            "retrain.seeds=[0, 1]",
                                            "selection.rhos=[0.2]",
                                            "selection.memory-budgets=[10M, 1K]",
                                            "selection.methods=[adabet, fisher, full, last_layer,"
                                                    + " random]"),
                                    "test")
                            .run();
        }
        return result;
    }

    /** Where the sweep's runs are ({@code output.dir}). */
    public static synchronized String results(SparkSession spark) {
        get(spark);
        return dir.resolve("results").toString();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
