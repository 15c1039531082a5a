package org.adabet.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.activation.LayerScores;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.schema.Tables;
import org.adabet.model.LayerInfo;
import org.adabet.pretrain.PretrainCache;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.provenance.Provenance;
import org.adabet.provenance.RunId;
import org.adabet.provenance.Versions;
import org.adabet.report.ComparisonTable;
import org.adabet.sweep.Pair;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.StatisticsOutcome;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.SweepPlan;
import org.adabet.sweep.SweepTasks;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The AdaBet sweep as Spark stages: pretrain (cached) -> layer statistics (one task per pair x
 * batch) -> scores and selections -> retraining (one task per pair x method x budget x seed) ->
 * tables. Each stage's rows are written as Parquet under the run's folder; the computing is done
 * by {@link SweepTasks} in {@code common}.
 */
public final class SweepJob {
    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final SweepConfig config;
    private final SweepPlan plan;
    private final String runId;
    private final Path outputDir;
    private final Provenance provenance;

    public SweepJob(SparkSession spark, SweepConfig config, String gitCommit) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.config = config;
        this.plan = SweepPlan.of(config);
        this.runId = RunId.of(config.rendered(), Versions.project());
        this.outputDir = Path.of(config.outputDir(), config.name() + "-" + runId);
        this.provenance = new Provenance(runId, config.seed(), config.rendered(), gitCommit, spark.version(),
                spark.sparkContext().master());
    }

    public SweepResult run() {
        long start = System.nanoTime();
        Map<String, PretrainedModel> models = timed("pretrain", this::pretrain);
        Broadcast<Map<String, PretrainedModel>> shipped = jsc.broadcast(models);
        Map<Pair, List<LayerInfo>> layers = new LinkedHashMap<>();
        for (Pair pair : plan.pairs()) {
            layers.put(pair, SweepTasks.layers(config, pair));
        }

        List<StatisticsOutcome> statistics = timed("layer_statistics", () -> layerStatistics(shipped));
        Map<Pair, Map<String, Double>> scores = new HashMap<>();
        Map<Pair, Double> selectionMillis = new HashMap<>();
        timed("layer_scores", () -> scoreLayers(statistics, layers, scores, selectionMillis));

        List<RetrainTask> tasks = plan.retrainTasks(layers, scores, selectionMillis);
        write(Tables.SELECTIONS, Tables.SELECTIONS_SCHEMA,
                tasks.stream().map(t -> Tables.selectionRow(runId, t, config.selection().forceHead())).toList());
        List<RetrainOutcome> outcomes = timed("retrain", () -> retrain(tasks, shipped));

        Map<String, Integer> layerCounts = new HashMap<>();
        layers.forEach((p, l) -> layerCounts.put(p.key(), l.size()));
        ComparisonTable table = ComparisonTable.of(outcomes, layerCounts);
        writeText("comparison.csv", table.toCsv());
        writeText("comparison.md", table.toMarkdown());
        shipped.destroy();
        provenance.timing("total", (System.nanoTime() - start) / 1e6);
        provenance.put("failed_statistics_tasks", statistics.stream().filter(s -> !s.succeeded()).count());
        provenance.put("failed_retrain_runs", outcomes.stream().filter(o -> !o.succeeded()).count());
        provenance.write(outputDir.resolve("provenance.json"));
        return new SweepResult(runId, outputDir, statistics, outcomes, table);
    }

    /** Reuses cached models; pretrains the others as Spark tasks (one per architecture) and caches them. */
    private Map<String, PretrainedModel> pretrain() {
        PretrainCache cache = new PretrainCache(Path.of(config.pretrainCacheDir()));
        Map<String, PretrainedModel> models = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String arch : config.model().architectures()) {
            String key = SweepTasks.pretrainKey(config, arch);
            Optional<org.adabet.model.NetworkParameters> cached = cache.get(key);
            if (cached.isPresent()) {
                models.put(arch, new PretrainedModel(key, arch, cached.get().toBytes(), Double.NaN, 0, true));
            } else {
                missing.add(arch);
            }
        }
        SweepConfig c = config;
        List<PretrainedModel> trained = missing.isEmpty() ? List.of()
                : jsc.parallelize(missing, missing.size()).map(arch -> SweepTasks.pretrain(c, arch)).collect();
        for (PretrainedModel m : trained) {
            cache.put(m.key(), m.networkParameters());
            models.put(m.architecture(), m);
        }
        write(Tables.PRETRAIN, Tables.PRETRAIN_SCHEMA,
                models.values().stream().map(m -> Tables.pretrainRow(runId, m)).toList());
        return models;
    }

    private List<StatisticsOutcome> layerStatistics(Broadcast<Map<String, PretrainedModel>> models) {
        List<StatisticsTask> tasks = plan.statisticsTasks();
        if (tasks.isEmpty()) {
            return List.of();
        }
        SweepConfig c = config;
        List<StatisticsOutcome> outcomes = jsc.parallelize(tasks, partitions(tasks.size()))
                .map(t -> SweepTasks.statistics(c, models.value().get(t.pair().architecture()), t))
                .collect();
        List<Row> rows = new ArrayList<>();
        outcomes.forEach(o -> rows.addAll(Tables.statisticsRows(runId, o)));
        write(Tables.LAYER_STATISTICS, Tables.LAYER_STATISTICS_SCHEMA, rows);
        return outcomes;
    }

    /** Sums each pair's batch scores; a pair with a failed batch gets no score (its adabet runs are skipped). */
    private void scoreLayers(List<StatisticsOutcome> statistics, Map<Pair, List<LayerInfo>> layers,
            Map<Pair, Map<String, Double>> scores, Map<Pair, Double> selectionMillis) {
        List<Row> rows = new ArrayList<>();
        for (Pair pair : plan.pairs()) {
            List<StatisticsOutcome> mine = statistics.stream().filter(s -> s.task().pair().equals(pair)).toList();
            if (mine.isEmpty() || mine.stream().anyMatch(s -> !s.succeeded())) {
                continue;
            }
            List<LayerBatchStatistics> all = new ArrayList<>();
            mine.forEach(s -> all.addAll(s.layers()));
            Map<String, Double> pairScores = LayerScores.reference(all);
            scores.put(pair, pairScores);
            selectionMillis.put(pair, mine.stream().mapToDouble(StatisticsOutcome::millis).sum());
            rows.addAll(Tables.scoreRows(runId, pair, layers.get(pair), pairScores));
        }
        write(Tables.LAYER_SCORES, Tables.LAYER_SCORES_SCHEMA, rows);
    }

    private List<RetrainOutcome> retrain(List<RetrainTask> tasks, Broadcast<Map<String, PretrainedModel>> models) {
        SweepConfig c = config;
        List<RetrainOutcome> outcomes = tasks.isEmpty() ? List.of()
                : jsc.parallelize(tasks, partitions(tasks.size()))
                        .map(t -> SweepTasks.retrain(c, models.value().get(t.pair().architecture()), t))
                        .collect();
        write(Tables.RETRAIN_RUNS, Tables.RETRAIN_RUNS_SCHEMA,
                outcomes.stream().map(o -> Tables.retrainRow(runId, o)).toList());
        return outcomes;
    }

    private int partitions(int rows) {
        return config.spark().partitions() > 0 ? Math.min(config.spark().partitions(), rows) : rows;
    }

    private void write(String table, StructType schema, List<Row> rows) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(outputDir.resolve(table).toString());
    }

    private void writeText(String file, String text) {
        try {
            Files.createDirectories(outputDir);
            Files.writeString(outputDir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outputDir.resolve(file), e);
        }
    }

    private <T> T timed(String stage, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        provenance.timing(stage, (System.nanoTime() - start) / 1e6);
        return result;
    }

    private void timed(String stage, Runnable work) {
        timed(stage, () -> {
            work.run();
            return null;
        });
    }
}
