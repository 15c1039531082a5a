package org.adabet.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Prints each Spark job's progress on the driver ({@link StageProgress} lines): on the console in
 * local mode, in the driver's log on a cluster. Jobs are named by their description (the sweep sets
 * one per stage, e.g. {@code retrain: 132 tasks}); jobs without one (Parquet writes) are quiet.
 */
final class ProgressListener extends SparkListener {
    private final Consumer<String> out;
    private final Map<Integer, StageProgress> byJob = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> jobOfStage = new ConcurrentHashMap<>();

    ProgressListener(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String description =
                start.properties() == null
                        ? null
                        : start.properties().getProperty("spark.job.description");
        if (description == null) {
            return;
        }
        int tasks = 0;
        for (StageInfo stage : CollectionConverters.asJava(start.stageInfos())) {
            tasks += stage.numTasks();
            jobOfStage.put(stage.stageId(), start.jobId());
        }
        byJob.put(start.jobId(), new StageProgress(description, tasks, System.nanoTime()));
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Integer job = jobOfStage.get(end.stageId());
        StageProgress progress = job == null ? null : byJob.get(job);
        if (progress != null) {
            progress.taskEnded(end.reason() == Success$.MODULE$, System.nanoTime()).ifPresent(out);
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd end) {
        StageProgress progress = byJob.remove(end.jobId());
        jobOfStage.values().removeIf(j -> j == end.jobId());
        if (progress != null) {
            out.accept(progress.finished(System.nanoTime()));
        }
    }
}
