package org.adabet.jobs.stage;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.adabet.jobs.io.TaskStore;
import org.adabet.sweep.TaskFailure;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the tasks of one stage as Spark tasks, resumably: tasks that an earlier attempt of the run
 * finished (see {@link TaskStore}) are taken from there, only the others are computed, and each
 * computed task is recorded by its executor as soon as it succeeds. Failed tasks go to the {@link
 * FailureLog}; the stage goes on.
 */
public final class StageRunner {
    /** A computed outcome and when its task finished (epoch milliseconds, executor clock). */
    record Finished<R>(R outcome, long epochMillis) implements Serializable {}

    /** How many tasks a stage had, and how many of them an earlier attempt had done. */
    public record Counts(int tasks, int reused) {
        public int computed() {
            return tasks - reused;
        }
    }

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final int partitions;
    private final TaskStore store;
    private final FailureLog failures;
    private final Consumer<String> console;
    private final Map<String, Counts> counts = new LinkedHashMap<>();

    /**
     * @param partitions the configured number of partitions; 0 for one per task
     */
    public StageRunner(
            SparkSession spark,
            int partitions,
            TaskStore store,
            FailureLog failures,
            Consumer<String> console) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.partitions = partitions;
        this.store = store;
        this.failures = failures;
        this.console = console;
    }

    /**
     * The outcome of every task, in task order.
     *
     * @param key the task's key, unique in the stage (see {@link org.adabet.sweep.TaskKeys})
     * @param error the outcome's error, null when it succeeded
     */
    public <T, R extends Serializable> List<R> run(
            String stage,
            Class<R> type,
            List<T> tasks,
            Function<T, String> key,
            Function<T, R> work,
            Function<R, String> error) {
        return run(stage, type, tasks, key, work, error, t -> 0);
    }

    /**
     * As {@link #run(String, Class, List, Function, Function, Function)}, starting the costliest
     * tasks first when every task is its own partition: two cores given tasks of lengths c, 2c, c,
     * 2c in that order finish after 4c, longest first after 3c. Outcomes stay in task order, and
     * the order tasks run in changes no result (each task is seeded by its own key).
     *
     * @param cost a task's expected cost in any unit; equal costs keep the tasks' order
     */
    public <T, R extends Serializable> List<R> run(
            String stage,
            Class<R> type,
            List<T> tasks,
            Function<T, String> key,
            Function<T, R> work,
            Function<R, String> error,
            java.util.function.ToDoubleFunction<T> cost) {
        Map<String, R> done = store.load(stage, type);
        List<T> missing = new ArrayList<>();
        int reused = 0;
        for (T t : tasks) {
            if (done.containsKey(call(key, t))) {
                reused++;
            } else {
                missing.add(t);
            }
        }
        counts.put(stage, new Counts(tasks.size(), reused));
        if (reused > 0) {
            console.accept(
                    stage
                            + ": "
                            + reused
                            + " of "
                            + tasks.size()
                            + " tasks reused from an earlier attempt, "
                            + missing.size()
                            + " to compute");
        }
        if (partitions == 0 || partitions >= missing.size()) {
            // Contiguous partitions would put the costliest tasks together: sort only when each
            // task is a partition of its own.
            missing.sort(
                    java.util.Comparator.comparingDouble((T t) -> cost.applyAsDouble(t))
                            .reversed());
        }
        TaskStore s = store;
        List<Finished<R>> computed =
                distribute(
                        stage,
                        missing,
                        t -> {
                            R outcome = work.call(t);
                            if (error.call(outcome) == null) {
                                s.save(stage, key.call(t), outcome);
                            }
                            return new Finished<>(outcome, System.currentTimeMillis());
                        });
        Map<String, Finished<R>> byKey = new HashMap<>();
        for (int i = 0; i < missing.size(); i++) {
            byKey.put(call(key, missing.get(i)), computed.get(i));
        }
        List<R> outcomes = new ArrayList<>();
        for (T t : tasks) {
            String k = call(key, t);
            Finished<R> f = byKey.get(k);
            if (f == null) {
                outcomes.add(done.get(k));
                continue;
            }
            String e = call(error, f.outcome());
            if (e != null) {
                failures.add(TaskFailure.of(stage, k, e, "TaskFailed"), f.epochMillis());
            }
            outcomes.add(f.outcome());
        }
        return outcomes;
    }

    /** Tasks and reused tasks of each stage run so far, in run order. */
    public Map<String, Counts> counts() {
        return counts;
    }

    /** One Spark task per row (or the configured number of partitions); results in row order. */
    public <T, R> List<R> distribute(String stage, List<T> rows, Function<T, R> work) {
        if (rows.isEmpty()) {
            return List.of();
        }
        int n = partitions > 0 ? Math.min(partitions, rows.size()) : rows.size();
        spark.sparkContext().setJobDescription(stage + ": " + rows.size() + " tasks");
        try {
            return jsc.parallelize(rows, n).map(work).collect();
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    /** Key and error functions are plain lambdas; Spark's Function type only lets them travel. */
    private static <A, B> B call(Function<A, B> f, A a) {
        try {
            return f.call(a);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
