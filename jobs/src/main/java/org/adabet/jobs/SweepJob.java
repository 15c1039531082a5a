package org.adabet.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.io.RunsIndex;
import org.adabet.jobs.io.TaskStore;
import org.adabet.jobs.schema.Tables;
import org.adabet.jobs.stage.FailureLog;
import org.adabet.jobs.stage.Stage;
import org.adabet.jobs.stage.StageContext;
import org.adabet.jobs.stage.StageRunner;
import org.adabet.jobs.stage.Stages;
import org.adabet.platform.CpuInfo;
import org.adabet.platform.ReproducibleMode;
import org.adabet.provenance.Provenance;
import org.adabet.provenance.RunId;
import org.adabet.provenance.RunSummary;
import org.adabet.provenance.Versions;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.StatisticsOutcome;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AdaBet sweep: the stages of {@link Stages#ALL} in order, each reading the tables the ones
 * before it wrote (plan -> pretrain -> layer and gradient statistics -> scores -> selections ->
 * retrain and oracle -> agreement -> comparison). Statistics, gradient, retrain and oracle tasks
 * are resumable ({@link StageRunner}); every failed task or selection goes to the {@code failures}
 * table and the sweep goes on. What it returns and prints is read back from the tables.
 */
public final class SweepJob {
    private static final Logger LOG = LoggerFactory.getLogger("adabet");

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final SweepConfig config;
    private final String runId;
    private final RunFolder outputDir;
    private final Provenance provenance;
    private final TaskStore finished;
    private final FailureLog failures;
    private final StageRunner stages;
    private final RunsIndex index;
    private final RunSummary summary;
    private final StageContext context;
    private int maxFailures = Integer.MAX_VALUE;

    public SweepJob(SparkSession spark, SweepConfig config, String gitCommit) {
        this(spark, config, gitCommit, false, null);
    }

    /**
     * @param force recompute every task, forgetting what earlier attempts of this run finished;
     *     otherwise a rerun of the same run id computes only the tasks they did not finish
     * @param runDate the run folder's date ({@code YYYY-MM-DD}); null: the date of this run id's
     *     newest folder when it has one (a resumed run continues there), else today (UTC)
     */
    public SweepJob(
            SparkSession spark,
            SweepConfig config,
            String gitCommit,
            boolean force,
            String runDate) {
        this(spark, config, gitCommit, force, runDate, null);
    }

    /**
     * @param runId the id of an existing run to work on (a stage run alone); null: this config's
     *     and code's run id
     */
    public SweepJob(
            SparkSession spark,
            SweepConfig config,
            String gitCommit,
            boolean force,
            String runDate,
            String runId) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.config = config;
        // Another kernel path (the reproducible mode, another CPU level) gives other last bits:
        // its results must not overwrite these.
        this.runId =
                runId != null
                        ? runId
                        : RunId.of(
                                config.science(),
                                Versions.project()
                                        + "+"
                                        + (gitCommit == null ? "unknown" : gitCommit)
                                        + "+"
                                        + ReproducibleMode.kernelPath());
        // Any Hadoop file system (file:, hdfs://, s3a://): java.nio would mangle
        // 'hdfs://nn:8020/r'.
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        if (runDate == null) {
            runDate =
                    RunFolder.existingRunDate(
                            config.outputDir(), config.name(), this.runId, hadoop);
        }
        if (runDate == null) {
            runDate = LocalDate.now(ZoneOffset.UTC).toString();
        }
        this.outputDir =
                RunFolder.of(config.outputDir(), config.name(), runDate, this.runId, hadoop);
        this.index = new RunsIndex(spark, config.outputDir());
        this.provenance =
                new Provenance(
                        this.runId,
                        config.seed(),
                        config.rendered(),
                        gitCommit,
                        spark.version(),
                        spark.sparkContext().master());
        spark.sparkContext().addSparkListener(new ProgressListener(SweepJob::console));
        this.finished = outputDir.tasks();
        if (force) {
            finished.clear();
        }
        this.failures = new FailureLog(this.runId, finished.nextAttempt());
        this.stages =
                new StageRunner(
                        spark, config.spark().partitions(), finished, failures, SweepJob::console);
        this.context =
                new StageContext(
                        spark, config, this.runId, outputDir, stages, failures, SweepJob::console);
        provenance.put("name", config.name());
        provenance.put("run_date", runDate);
        provenance.put("folder", outputDir.uri());
        provenance.put("attempt", failures.attempt());
        provenance.put("spark_application_id", spark.sparkContext().applicationId());
        provenance.put("spark_ui", spark.sparkContext().uiWebUrl().getOrElse(() -> "off"));
        this.summary =
                new RunSummary(
                        this.runId,
                        config.name(),
                        runDate,
                        Instant.now().toString(),
                        null,
                        gitCommit == null ? "unknown" : gitCommit,
                        RunId.configHash(config.science()),
                        RunSummary.RUNNING,
                        failures.attempt(),
                        0,
                        0,
                        0,
                        0,
                        outputDir.uri(),
                        spark.sparkContext().master(),
                        Versions.project());
    }

    /**
     * Stops the sweep after the first stage that leaves more than {@code n} failed tasks or
     * selections in this attempt ({@code adabet run --max-failures N}); the default is no limit.
     *
     * @return this job
     * @throws IllegalArgumentException when {@code n < 0}
     */
    public SweepJob maxFailures(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("--max-failures must be >= 0, was " + n);
        }
        this.maxFailures = n;
        return this;
    }

    /** Runs every stage in order; the result is read back from the tables they wrote. */
    public SweepResult run() {
        long start = System.nanoTime();
        index.write(summary);
        String stopped = null;
        try {
            for (Stage s : Stages.ALL) {
                timed(s);
                if (failures.rows().size() > maxFailures) {
                    stopped =
                            "stopped after stage "
                                    + s.name()
                                    + ": "
                                    + failures.rows().size()
                                    + " failures, more than --max-failures "
                                    + maxFailures;
                    console(stopped);
                    break;
                }
            }
        } finally {
            context.close();
        }
        provenance.timing("total", (System.nanoTime() - start) / 1e6);
        if (stopped != null) {
            return stopped(stopped);
        }
        SweepResult result = result();
        provenance.put("tasks", taskCounts());
        provenance.put("failures", failures.rows().size());
        provenance.put(
                "failed_statistics_tasks",
                result.statistics().stream().filter(s -> !s.succeeded()).count());
        provenance.put(
                "failed_gradient_tasks",
                spark.read()
                        .parquet(outputDir.table(Tables.GRADIENT_STATISTICS))
                        .where("status = 'failed'")
                        .count());
        provenance.put(
                "failed_retrain_runs",
                result.retraining().stream().filter(o -> !o.succeeded()).count());
        provenance.put(
                "failed_oracle_runs", result.oracle().stream().filter(o -> !o.succeeded()).count());
        provenance.put("datasets", context.facts().getOrDefault("datasets", Map.of()));
        provenance.put("executor_cpus", executorCpus());
        context.write(Tables.FAILURES, Tables.FAILURES_SCHEMA, failures.rows());
        outputDir.writeText("provenance.json", provenance.toJson());
        index.write(finishedSummary());
        // Plots and report.html, read back from the tables just written (org.adabet.jobs.report).
        org.adabet.jobs.report.RunReport.afterSweep(spark, config.outputDir(), runId);
        return result;
    }

    /**
     * Runs one stage alone on this run's tables (its inputs must exist), replacing its outputs; the
     * run's {@code failures} table keeps the other stages' rows.
     *
     * @return how many of its tasks or selections failed
     */
    public int runStage(String name, boolean force) {
        Stage stage = Stages.named(name);
        if (force) {
            finished.clear(stage.name());
        }
        try {
            timed(stage);
        } finally {
            context.close();
        }
        List<Row> kept = new ArrayList<>();
        if (outputDir.exists(Tables.FAILURES)) {
            for (Row r : context.read(Tables.FAILURES)) {
                String failedIn = r.getAs("stage");
                boolean mine =
                        failedIn.equals(stage.name())
                                || (stage.name().equals("selections")
                                        && failedIn.equals("selection"));
                if (!mine) {
                    kept.add(r);
                }
            }
        }
        kept.addAll(failures.rows());
        context.write(Tables.FAILURES, Tables.FAILURES_SCHEMA, kept);
        StageRunner.Counts counts = stages.counts().get(stage.name());
        console(
                "stage "
                        + stage.name()
                        + " of run "
                        + runId
                        + " done"
                        + (counts == null
                                ? ""
                                : ": " + counts.tasks() + " tasks, " + counts.reused() + " reused")
                        + ", "
                        + failures.rows().size()
                        + " failed; wrote "
                        + String.join(", ", stage.outputs()));
        return failures.rows().size();
    }

    /**
     * The end of a sweep stopped by {@link #maxFailures}: the failures table, provenance (with
     * {@code stopped}) and the runs index (status failed) are written; the later stages' tables are
     * not, so the result holds no outcomes and an empty comparison.
     */
    private SweepResult stopped(String why) {
        provenance.put("stopped", why);
        provenance.put("tasks", taskCounts());
        provenance.put("failures", failures.rows().size());
        context.write(Tables.FAILURES, Tables.FAILURES_SCHEMA, failures.rows());
        outputDir.writeText("provenance.json", provenance.toJson());
        index.write(finishedSummary());
        return new SweepResult(
                runId,
                outputDir.uri(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                ComparisonTable.of(List.of(), config.devices()),
                failures.rows().size(),
                outputDir.table(Tables.FAILURES),
                stages.counts().values().stream().mapToInt(StageRunner.Counts::reused).sum(),
                why);
    }

    private SweepResult result() {
        List<StatisticsOutcome> statistics = Stages.statistics(context);
        List<RetrainOutcome> retraining = Stages.retraining(context);
        List<RetrainOutcome> oracle = Stages.oracle(context);
        List<AgreementRow> agreement = Stages.agreement(context);
        ComparisonTable table = Stages.comparison(context);
        int reused = stages.counts().values().stream().mapToInt(StageRunner.Counts::reused).sum();
        return new SweepResult(
                runId,
                outputDir.uri(),
                statistics,
                retraining,
                oracle,
                agreement,
                table,
                failures.rows().size(),
                outputDir.table(Tables.FAILURES),
                reused,
                null);
    }

    private RunSummary finishedSummary() {
        int tasks = 0;
        int reused = 0;
        for (StageRunner.Counts c : stages.counts().values()) {
            tasks += c.tasks();
            reused += c.reused();
        }
        return summary.finished(
                Instant.now().toString(), tasks, reused, tasks - reused, failures.rows().size());
    }

    private Map<String, Map<String, Integer>> taskCounts() {
        Map<String, Map<String, Integer>> reuse = new LinkedHashMap<>();
        stages.counts()
                .forEach(
                        (name, c) -> {
                            Map<String, Integer> m = new LinkedHashMap<>();
                            m.put("tasks", c.tasks());
                            m.put("reused", c.reused());
                            m.put("computed", c.computed());
                            reuse.put(name, m);
                        });
        return reuse;
    }

    /**
     * The CPUs and kernel levels the executors ran on, with how many probe tasks saw each: on a
     * cluster of mixed CPUs the tables mix kernel paths unless the reproducible mode was on.
     */
    private List<Map<String, Object>> executorCpus() {
        int slots = Math.max(1, jsc.defaultParallelism());
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            probes.add(i);
        }
        Map<String, Map<String, Object>> seen = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        spark.sparkContext().setJobDescription("provenance: executor CPUs");
        List<Map<String, Object>> reported =
                jsc.parallelize(probes, slots).map(i -> CpuInfo.current().toMap()).collect();
        spark.sparkContext().setJobDescription(null);
        for (Map<String, Object> cpu : reported) {
            seen.putIfAbsent(cpu.toString(), cpu);
            counts.merge(cpu.toString(), 1, Integer::sum);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        seen.forEach(
                (key, cpu) -> {
                    Map<String, Object> m = new LinkedHashMap<>(cpu);
                    m.put("probe_tasks", counts.get(key));
                    out.add(m);
                });
        return out;
    }

    private static void console(String line) {
        LOG.info(line);
    }

    private void timed(Stage stage) {
        long start = System.nanoTime();
        stage.run(context);
        provenance.timing(stage.name(), (System.nanoTime() - start) / 1e6);
    }
}
