package org.adabet.jobs.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.adabet.jobs.LocalSpark;
import org.adabet.jobs.io.RunFolder;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stage's tasks start costliest first (two cores finish uneven tasks sooner), and the outcomes
 * still come back in task order.
 */
class LongestFirstTest {
    /** The order tasks ran in, on this JVM (local mode). */
    private static final ConcurrentLinkedQueue<Integer> STARTED = new ConcurrentLinkedQueue<>();

    @Test
    void costliestTasksStartFirstAndOutcomesKeepTheTaskOrder(@TempDir Path dir) {
        SparkSession spark = LocalSpark.session("longest-first-test", "local[1]");
        try {
            RunFolder folder =
                    RunFolder.at(
                            dir.toUri().toString(), spark.sparkContext().hadoopConfiguration());
            StageRunner runner =
                    new StageRunner(spark, 0, folder.tasks(), new FailureLog("run", 1), line -> {});
            List<Integer> tasks = List.of(1, 5, 2, 4, 3);
            List<Integer> out =
                    runner.run(
                            "stage",
                            Integer.class,
                            tasks,
                            t -> "t" + t,
                            t -> {
                                STARTED.add(t);
                                return t * 10;
                            },
                            r -> null,
                            t -> t);
            assertEquals(List.of(10, 50, 20, 40, 30), out);
            assertEquals(List.of(5, 4, 3, 2, 1), new ArrayList<>(STARTED));
        } finally {
            spark.stop();
        }
    }
}
