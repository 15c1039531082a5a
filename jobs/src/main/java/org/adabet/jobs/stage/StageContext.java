package org.adabet.jobs.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.io.RunFolder;
import org.adabet.jobs.schema.TableDecoding;
import org.adabet.jobs.schema.Tables;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairSelectionInputs;
import org.adabet.sweep.SweepPlan;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What every stage of one run shares: the Spark session, the configuration and plan, the run's
 * folder, the resumable task runner and the failure log; and the run's tables, read back.
 */
public final class StageContext {
    private final SparkSession spark;
    private final SweepConfig config;
    private final SweepPlan plan;
    private final String runId;
    private final RunFolder folder;
    private final StageRunner runner;
    private final FailureLog failures;
    private final Consumer<String> console;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private Broadcast<Map<String, PretrainedModel>> models;
    private TableDecoding.Layers layers;

    public StageContext(
            SparkSession spark,
            SweepConfig config,
            String runId,
            RunFolder folder,
            StageRunner runner,
            FailureLog failures,
            Consumer<String> console) {
        this.spark = spark;
        this.config = config;
        this.plan = SweepPlan.of(config);
        this.runId = runId;
        this.folder = folder;
        this.runner = runner;
        this.failures = failures;
        this.console = console;
    }

    public SparkSession spark() {
        return spark;
    }

    public SweepConfig config() {
        return config;
    }

    public SweepPlan plan() {
        return plan;
    }

    public String runId() {
        return runId;
    }

    public RunFolder folder() {
        return folder;
    }

    public StageRunner runner() {
        return runner;
    }

    public FailureLog failures() {
        return failures;
    }

    /** A progress line for the console (local mode) or the driver log. */
    public void console(String line) {
        console.accept(line);
    }

    /** Facts stages found for the provenance file (e.g. the datasets' reports). */
    public Map<String, Object> facts() {
        return facts;
    }

    /** Writes (replaces) one table of the run. */
    public void write(String table, StructType schema, List<Row> rows) {
        write(table, spark.createDataFrame(rows, schema));
    }

    /** Writes (replaces) one table of the run from a query's result, in its order (one file). */
    public void write(String table, Dataset<Row> rows) {
        rows.coalesce(1).write().mode(SaveMode.Overwrite).parquet(folder.table(table));
    }

    /**
     * The rows of one table of the run, in file order.
     *
     * @throws IllegalStateException naming the table and the stage that writes it when the run has
     *     no such table yet
     */
    public List<Row> read(String table) {
        return table(table).collectAsList();
    }

    /**
     * One table of the run as a Spark Dataset, for queries that aggregate it where it lies.
     *
     * @throws IllegalStateException as {@link #read}
     */
    public Dataset<Row> table(String table) {
        if (!folder.exists(table)) {
            throw new IllegalStateException(
                    "run "
                            + runId
                            + " has no table '"
                            + table
                            + "' yet (at "
                            + folder.table(table)
                            + "): run the stage that writes it first ("
                            + Stages.writerOf(table)
                            + ")");
        }
        return spark.read().parquet(folder.table(table));
    }

    /** The pretrained models by architecture, shipped to the executors once per run. */
    public Broadcast<Map<String, PretrainedModel>> models() {
        if (models == null) {
            models =
                    JavaSparkContext.fromSparkContext(spark.sparkContext())
                            .broadcast(PretrainStage.models(this));
        }
        return models;
    }

    /** The {@code layers} table, read once. */
    public TableDecoding.Layers layers() {
        if (layers == null) {
            layers = TableDecoding.layers(read(Tables.LAYERS), plan);
        }
        return layers;
    }

    /** The pairs the plan stage described, in plan order. */
    public List<Pair> pairs() {
        return new ArrayList<>(layers().layers().keySet());
    }

    /**
     * Each described pair's selection evidence, from the statistics (draw 0: the first batches,
     * what selections use) and gradient tables.
     */
    public Map<Pair, PairSelectionInputs> selectionInputs() {
        return selectionInputs(0);
    }

    /** As {@link #selectionInputs()}, with the layer statistics of {@code draw}. */
    public Map<Pair, PairSelectionInputs> selectionInputs(int draw) {
        var statistics =
                TableDecoding.statistics(
                        read(Tables.LAYER_STATISTICS),
                        plan.statisticsTasks().stream().filter(t -> t.draw() == draw).toList());
        var gradients =
                TableDecoding.gradients(
                        read(Tables.GRADIENT_STATISTICS), plan.gradientTasks(), layers().layers());
        Map<Pair, PairSelectionInputs> inputs = new LinkedHashMap<>();
        for (Pair pair : pairs()) {
            inputs.put(
                    pair,
                    PairSelectionInputs.of(
                            statistics.stream().filter(s -> s.task().pair().equals(pair)).toList(),
                            gradients.stream()
                                    .filter(g -> g.pair().equals(pair))
                                    .findFirst()
                                    .orElse(null)));
        }
        return inputs;
    }

    /** Releases what the stages shipped to the executors. */
    public void close() {
        if (models != null) {
            models.destroy();
            models = null;
        }
    }
}
