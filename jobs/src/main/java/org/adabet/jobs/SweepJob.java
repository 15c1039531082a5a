package org.adabet.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.io.TaskStore;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.LayerInfo;
import org.adabet.model.NetworkParameters;
import org.adabet.platform.CpuInfo;
import org.adabet.platform.ReproducibleMode;
import org.adabet.pretrain.PretrainCache;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.pretrain.PretrainedWeights;
import org.adabet.provenance.Provenance;
import org.adabet.provenance.RunId;
import org.adabet.provenance.Versions;
import org.adabet.report.AgreementRow;
import org.adabet.report.AgreementTable;
import org.adabet.report.Agreements;
import org.adabet.report.Claims;
import org.adabet.report.ComparisonTable;
import org.adabet.report.MethodTests;
import org.adabet.report.TestRow;
import org.adabet.report.TestsTable;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Domains;
import org.adabet.sweep.GradientOutcome;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairSelectionInputs;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.StatisticsOutcome;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.SweepPlan;
import org.adabet.sweep.SweepTasks;
import org.adabet.sweep.TaskFailure;
import org.adabet.sweep.TaskKeys;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The AdaBet sweep as Spark stages: pretrain (cached) -> layer statistics (one task per pair x
 * batch) and gradient statistics (one per pair) -> scores and selections -> retraining (one task
 * per pair x method x budget x seed) and oracle runs (pair x layer x seed) -> tables. Each stage's
 * rows are written as Parquet under the run's folder; the computing is done by {@link SweepTasks}
 * in {@code common}. Statistics, gradient, retrain and oracle tasks are resumable ({@link
 * StageRunner}); every failed task or selection goes to the {@code failures} table and the sweep
 * goes on.
 */
public final class SweepJob {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final SweepConfig config;
    private final SweepPlan plan;
    private final String runId;
    private final RunFolder outputDir;
    private final Provenance provenance;
    private final TaskStore finished;
    private final FailureLog failures;
    private final StageRunner stages;

    /** The stage running now: names its Spark jobs and their progress lines. */
    private String stage = "sweep";

    public SweepJob(SparkSession spark, SweepConfig config, String gitCommit) {
        this(spark, config, gitCommit, false);
    }

    /**
     * @param force recompute every task, forgetting what earlier attempts of this run finished;
     *     otherwise a rerun of the same run id computes only the tasks they did not finish
     */
    public SweepJob(SparkSession spark, SweepConfig config, String gitCommit, boolean force) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.config = config;
        this.plan = SweepPlan.of(config);
        // Another kernel path (the reproducible mode, another CPU level) gives other last bits:
        // its results must not overwrite these.
        this.runId =
                RunId.of(
                        config.science(),
                        Versions.project()
                                + "+"
                                + (gitCommit == null ? "unknown" : gitCommit)
                                + "+"
                                + ReproducibleMode.kernelPath());
        // Any Hadoop file system (file:, hdfs://, s3a://): java.nio would mangle
        // 'hdfs://nn:8020/r'.
        this.outputDir =
                RunFolder.of(
                        config.outputDir(),
                        config.name() + "-" + runId,
                        spark.sparkContext().hadoopConfiguration());
        this.provenance =
                new Provenance(
                        runId,
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
        this.failures = new FailureLog(runId, finished.nextAttempt());
        this.stages =
                new StageRunner(
                        spark, config.spark().partitions(), finished, failures, SweepJob::console);
        provenance.put("attempt", failures.attempt());
        provenance.put("spark_application_id", spark.sparkContext().applicationId());
        provenance.put("spark_ui", spark.sparkContext().uiWebUrl().getOrElse(() -> "off"));
    }

    public SweepResult run() {
        long start = System.nanoTime();
        Map<String, PretrainedModel> models = timed("pretrain", this::pretrain);
        Broadcast<Map<String, PretrainedModel>> shipped = jsc.broadcast(models);
        Map<Pair, List<LayerInfo>> layers = new LinkedHashMap<>();
        for (Pair pair : plan.pairs()) {
            layers.put(pair, SweepTasks.layers(config, pair));
        }

        List<StatisticsOutcome> statistics =
                timed("layer_statistics", () -> layerStatistics(shipped));
        List<GradientOutcome> gradients =
                timed("gradient_statistics", () -> gradientStatistics(shipped));
        Map<Pair, PairSelectionInputs> inputs = new LinkedHashMap<>();
        Map<Pair, Map<String, Map<String, Double>>> scores = new LinkedHashMap<>();
        List<Row> scoreRows = new ArrayList<>();
        for (Pair pair : plan.pairs()) {
            PairSelectionInputs in =
                    PairSelectionInputs.of(
                            statistics.stream().filter(s -> s.task().pair().equals(pair)).toList(),
                            gradients.stream()
                                    .filter(g -> g.pair().equals(pair))
                                    .findFirst()
                                    .orElse(null));
            inputs.put(pair, in);
            scores.put(pair, Agreements.scores(config, plan, pair, layers.get(pair), in));
            scores.get(pair)
                    .forEach(
                            (method, s) ->
                                    scoreRows.addAll(
                                            Tables.scoreRows(
                                                    runId, pair, method, layers.get(pair), s)));
        }
        write(Tables.LAYER_SCORES, Tables.LAYER_SCORES_SCHEMA, scoreRows);

        SweepPlan.Runs runs = plan.retrainTasks(layers, inputs);
        List<Row> selections = new ArrayList<>();
        runs.tasks()
                .forEach(t -> selections.add(Tables.selectionRow(runId, t, null, headForced(t))));
        runs.failed()
                .forEach(
                        o ->
                                selections.add(
                                        Tables.selectionRow(
                                                runId, o.task(), o.error(), headForced(o.task()))));
        long chosen = System.currentTimeMillis();
        runs.failed()
                .forEach(
                        o ->
                                failures.add(
                                        TaskFailure.of(
                                                "selection",
                                                TaskKeys.retrain(o.task()),
                                                o.error(),
                                                "EmptySelection"),
                                        chosen));
        write(Tables.SELECTIONS, Tables.SELECTIONS_SCHEMA, selections);

        List<RetrainOutcome> outcomes =
                new ArrayList<>(timed("retrain", () -> retrain(runs.tasks(), shipped)));
        outcomes.addAll(runs.failed());
        writeRuns(Tables.RETRAIN_RUNS, outcomes);
        List<RetrainOutcome> oracle =
                timed("oracle", () -> retrain(plan.oracleTasks(layers), shipped));
        List<AgreementRow> agreement = Agreements.compute(config, layers, scores, oracle);
        if (config.oracle()) {
            writeRuns(Tables.ORACLE_RUNS, oracle);
            write(
                    Tables.AGREEMENT,
                    Tables.AGREEMENT_SCHEMA,
                    agreement.stream().map(a -> Tables.agreementRow(runId, a)).toList());
            outputDir.writeText("agreement.md", AgreementTable.toMarkdown(agreement));
        }

        Map<String, Integer> layerCounts = new HashMap<>();
        layers.forEach((p, l) -> layerCounts.put(p.key(), l.size()));
        ComparisonTable table = ComparisonTable.of(outcomes, layerCounts, config.devices());
        outputDir.writeText("comparison.csv", table.toCsv());
        outputDir.writeText("comparison.md", table.toMarkdown());
        writeStatistics(outcomes);
        shipped.destroy();
        provenance.timing("total", (System.nanoTime() - start) / 1e6);
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
        provenance.put("tasks", reuse);
        provenance.put("failures", failures.rows().size());
        write(Tables.FAILURES, Tables.FAILURES_SCHEMA, failures.rows());
        provenance.put(
                "failed_statistics_tasks", statistics.stream().filter(s -> !s.succeeded()).count());
        provenance.put(
                "failed_gradient_tasks", gradients.stream().filter(g -> !g.succeeded()).count());
        provenance.put(
                "failed_retrain_runs", outcomes.stream().filter(o -> !o.succeeded()).count());
        provenance.put("failed_oracle_runs", oracle.stream().filter(o -> !o.succeeded()).count());
        provenance.put("datasets", Domains.datasetReports(config.data()));
        provenance.put("executor_cpus", executorCpus());
        outputDir.writeText("provenance.json", provenance.toJson());
        int reused = stages.counts().values().stream().mapToInt(StageRunner.Counts::reused).sum();
        return new SweepResult(
                runId,
                outputDir.uri(),
                statistics,
                outcomes,
                oracle,
                agreement,
                table,
                failures.rows().size(),
                outputDir.table(Tables.FAILURES),
                reused);
    }

    /**
     * Reuses cached models; pretrains the others as Spark tasks (one per architecture) and caches
     * them.
     */
    private Map<String, PretrainedModel> pretrain() {
        // The cache stays a driver-local folder (java.nio): only the driver reads and fills it.
        PretrainCache cache = new PretrainCache(Path.of(config.pretrainCacheDir()));
        Map<String, PretrainedModel> models = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String arch : config.model().architectures()) {
            String file = config.model().weights().get(arch);
            if (file != null) {
                models.put(
                        arch,
                        PretrainedWeights.load(
                                Path.of(file), SweepPlan.sourceArchitecture(config, arch)));
                continue;
            }
            String key = SweepTasks.pretrainKey(config, arch);
            Optional<NetworkParameters> cached = cache.get(key);
            if (cached.isPresent()) {
                models.put(
                        arch,
                        new PretrainedModel(
                                key, arch, cached.get().toBytes(), Double.NaN, 0, true));
            } else {
                missing.add(arch);
            }
        }
        SweepConfig c = config;
        List<PretrainedModel> trained =
                stages.distribute(stage, missing, arch -> SweepTasks.pretrain(c, arch));
        for (PretrainedModel m : trained) {
            cache.put(m.key(), m.networkParameters());
            models.put(m.architecture(), m);
        }
        write(
                Tables.PRETRAIN,
                Tables.PRETRAIN_SCHEMA,
                models.values().stream().map(m -> Tables.pretrainRow(runId, m)).toList());
        return models;
    }

    private List<StatisticsOutcome> layerStatistics(
            Broadcast<Map<String, PretrainedModel>> models) {
        List<StatisticsTask> tasks = plan.statisticsTasks();
        SweepConfig c = config;
        List<StatisticsOutcome> outcomes =
                stages.run(
                        stage,
                        StatisticsOutcome.class,
                        tasks,
                        TaskKeys::statistics,
                        t ->
                                SweepTasks.statistics(
                                        c, models.value().get(t.pair().architecture()), t),
                        StatisticsOutcome::error);
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(Tables.statisticsRows(runId, o)));
        write(Tables.LAYER_STATISTICS, Tables.LAYER_STATISTICS_SCHEMA, rows);
        return outcomes;
    }

    private List<GradientOutcome> gradientStatistics(
            Broadcast<Map<String, PretrainedModel>> models) {
        List<Pair> pairs = plan.gradientTasks();
        SweepConfig c = config;
        List<GradientOutcome> outcomes =
                stages.run(
                        stage,
                        GradientOutcome.class,
                        pairs,
                        TaskKeys::gradients,
                        p -> SweepTasks.gradients(c, models.value().get(p.architecture()), p),
                        GradientOutcome::error);
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(Tables.gradientRows(runId, o)));
        write(Tables.GRADIENT_STATISTICS, Tables.GRADIENT_STATISTICS_SCHEMA, rows);
        return outcomes;
    }

    private List<RetrainOutcome> retrain(
            List<RetrainTask> tasks, Broadcast<Map<String, PretrainedModel>> models) {
        SweepConfig c = config;
        return stages.run(
                stage,
                RetrainOutcome.class,
                tasks,
                TaskKeys::retrain,
                t -> SweepTasks.retrain(c, models.value().get(t.pair().architecture()), t),
                RetrainOutcome::error);
    }

    /**
     * The statistics of the retraining runs: the tests table, tests.md and claims.md (report.
     * MethodTests, report.Claims).
     */
    private void writeStatistics(List<RetrainOutcome> outcomes) {
        List<TestRow> tests = MethodTests.of(outcomes);
        write(
                Tables.TESTS,
                Tables.TESTS_SCHEMA,
                tests.stream().map(t -> Tables.testRow(runId, t)).toList());
        outputDir.writeText("tests.md", TestsTable.toMarkdown(tests));
        outputDir.writeText("claims.md", Claims.toMarkdown(config.name(), outcomes, tests));
    }

    private void writeRuns(String table, List<RetrainOutcome> outcomes) {
        write(
                table,
                Tables.RETRAIN_RUNS_SCHEMA,
                outcomes.stream().map(o -> Tables.retrainRow(runId, o, config.devices())).toList());
    }

    private boolean headForced(RetrainTask task) {
        return SelectionMethods.forcesHead(
                SelectionMethods.get(task.method()), config.selection().forceHead());
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

    private void write(String table, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema)
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(outputDir.table(table));
    }

    private static void console(String line) {
        System.err.println("adabet: " + line);
    }

    private <T> T timed(String stage, java.util.function.Supplier<T> work) {
        this.stage = stage;
        long start = System.nanoTime();
        T result = work.get();
        provenance.timing(stage, (System.nanoTime() - start) / 1e6);
        return result;
    }
}
