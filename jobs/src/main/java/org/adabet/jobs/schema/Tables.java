package org.adabet.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.device.DeviceProfile;
import org.adabet.model.GradientStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.provenance.RunSummary;
import org.adabet.report.AgreementRow;
import org.adabet.report.ComparisonRow;
import org.adabet.report.MethodTests;
import org.adabet.report.RankStabilityRow;
import org.adabet.report.TestRow;
import org.adabet.sweep.GradientOutcome;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PairDescription;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.StatisticsOutcome;
import org.adabet.sweep.TaskFailure;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The output tables: their names, schemas, and the conversion of library results to rows. This is
 * the one place that knows column names; the README documents the same columns.
 */
public final class Tables {
    public static final String LAYERS = "layers";
    public static final String PRETRAIN = "pretrain";
    public static final String LAYER_STATISTICS = "layer_statistics";
    public static final String GRADIENT_STATISTICS = "gradient_statistics";
    public static final String LAYER_SCORES = "layer_scores";
    public static final String SELECTIONS = "selections";
    public static final String RETRAIN_RUNS = "retrain_runs";
    public static final String ORACLE_RUNS = "oracle_runs";
    public static final String AGREEMENT = "agreement";
    public static final String RANK_STABILITY = "rank_stability";
    public static final String FAILURES = "failures";
    public static final String RUNS = "runs";
    public static final String TESTS = "tests";
    public static final String COMPARISON = "comparison";

    private Tables() {}

    private static StructField f(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable, Metadata.empty());
    }

    private static StructType schema(StructField... fields) {
        return new StructType(fields);
    }

    /** The plan stage's table: every pair's candidate layers and training-split size. */
    public static final StructType LAYERS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("architecture", StringType, false),
                    f("target", StringType, false),
                    f("train_size", IntegerType, false),
                    f("layer_index", IntegerType, false),
                    f("layer", StringType, false),
                    f("layer_type", StringType, false),
                    f("parameters", LongType, false),
                    f("bias_parameters", LongType, false),
                    f("input_elements", LongType, false),
                    f("output_elements", LongType, false),
                    f("channels", IntegerType, false),
                    f("forward_flops", LongType, false),
                    f("relu_after", BooleanType, false),
                    f("head", BooleanType, false),
                    f("weight_input_elements", LongType, false),
                    f("pass_elements", LongType, false));

    public static List<Row> layerRows(String runId, PairDescription d) {
        List<Row> rows = new ArrayList<>();
        Pair p = d.pair();
        for (LayerInfo l : d.layers()) {
            rows.add(
                    RowFactory.create(
                            runId,
                            p.key(),
                            p.architecture(),
                            p.target(),
                            d.trainSize(),
                            l.index(),
                            l.name(),
                            l.type(),
                            l.parameters(),
                            l.biasParameters(),
                            l.inputElements(),
                            l.outputElements(),
                            l.channels(),
                            l.forwardFlops(),
                            l.reluAfter(),
                            l.head(),
                            l.weightInputElements(),
                            l.passElements()));
        }
        return rows;
    }

    public static final StructType PRETRAIN_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("architecture", StringType, false),
                    f("model_key", StringType, false),
                    f("from_cache", BooleanType, false),
                    f("source_accuracy", DoubleType, true),
                    f("train_ms", LongType, false));

    public static final StructType LAYER_STATISTICS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("architecture", StringType, false),
                    f("target", StringType, false),
                    f("batch", IntegerType, false),
                    f("draw", IntegerType, false),
                    f("status", StringType, false),
                    f("error", StringType, true),
                    f("layer_index", IntegerType, true),
                    f("layer", StringType, true),
                    f("layer_type", StringType, true),
                    f("parameters", LongType, true),
                    f("points", IntegerType, true),
                    f("dimension", LongType, true),
                    f("beta0", IntegerType, true),
                    f("beta1", IntegerType, true),
                    f("total_persistence0", DoubleType, true),
                    f("total_persistence1", DoubleType, true),
                    f("max_persistence1", DoubleType, true),
                    f("beta1_above", IntegerType, true),
                    f("reference_score", DoubleType, true),
                    f("channel_beta1", createArrayType(IntegerType, false), true),
                    f("persistence_ms", DoubleType, true),
                    f("channel_ms", DoubleType, true),
                    f("task_ms", DoubleType, false),
                    f("representation_change", DoubleType, true),
                    f("representation_ms", DoubleType, true),
                    f("load_ms", DoubleType, false));

    public static final StructType GRADIENT_STATISTICS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("status", StringType, false),
                    f("error", StringType, true),
                    f("layer", StringType, true),
                    f("fisher", DoubleType, true),
                    f("gradient_norm", DoubleType, true),
                    f("parameter_norm", DoubleType, true),
                    f("rgn", DoubleType, true),
                    f("task_ms", DoubleType, false),
                    f("load_ms", DoubleType, false));

    public static final StructType LAYER_SCORES_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("method", StringType, false),
                    f("draw", IntegerType, false),
                    f("layer_index", IntegerType, false),
                    f("layer", StringType, false),
                    f("layer_type", StringType, false),
                    f("parameters", LongType, false),
                    f("dimension", LongType, false),
                    f("score", DoubleType, false),
                    f("rank", IntegerType, false));

    public static final StructType SELECTIONS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("method", StringType, false),
                    f("budget", StringType, false),
                    f("rho", DoubleType, true),
                    f("memory_budget", LongType, true),
                    f("seed", LongType, false),
                    f("draw", IntegerType, false),
                    f("status", StringType, false),
                    f("error", StringType, true),
                    f("head_forced", BooleanType, false),
                    f("layer_count", IntegerType, false),
                    f("layers", createArrayType(StringType, false), false),
                    f("bias_only_layers", createArrayType(StringType, false), false),
                    f("channels_trained", createMapType(StringType, IntegerType, false), false),
                    f(
                            "channel_masks",
                            createMapType(StringType, createArrayType(BooleanType, false), false),
                            false),
                    f("needs_labels", BooleanType, false),
                    f("forward_passes", IntegerType, false),
                    f("backward_passes", IntegerType, false),
                    f("selection_ms", DoubleType, false),
                    f("load_ms", DoubleType, false),
                    f("selection_peak_bytes", LongType, false));

    public static final StructType RETRAIN_RUNS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("architecture", StringType, false),
                    f("target", StringType, false),
                    f("method", StringType, false),
                    f("budget", StringType, false),
                    f("rho", DoubleType, true),
                    f("memory_budget", LongType, true),
                    f("seed", LongType, false),
                    f("draw", IntegerType, false),
                    f("status", StringType, false),
                    f("error", StringType, true),
                    f("layers", createArrayType(StringType, false), false),
                    f("trainable_params", LongType, false),
                    f("total_params", LongType, false),
                    f("acc_before", DoubleType, true),
                    f("test_acc", DoubleType, true),
                    f("final_test_acc", DoubleType, true),
                    f("val_acc", DoubleType, true),
                    f("best_epoch", IntegerType, true),
                    f("epoch_acc", createArrayType(DoubleType, false), false),
                    f("epoch_val_acc", createArrayType(DoubleType, false), false),
                    f("peak_mem_bytes", LongType, false),
                    f("ref_mem_bytes", LongType, false),
                    f("mem_parameters", LongType, false),
                    f("mem_gradients", LongType, false),
                    f("mem_optimizer", LongType, false),
                    f("mem_activations", LongType, false),
                    f("mem_transient", LongType, false),
                    f("training_flops", DoubleType, false),
                    f("device_fits", createMapType(StringType, BooleanType, false), false),
                    f("device_seconds", createMapType(StringType, DoubleType, false), false),
                    f("selection_ms", DoubleType, false),
                    f("load_ms", DoubleType, false),
                    f("train_ms", LongType, false),
                    f("prefix_cached", BooleanType, false));

    public static final StructType AGREEMENT_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("pair", StringType, false),
                    f("method", StringType, false),
                    f("layers", IntegerType, false),
                    f("spearman", DoubleType, true),
                    f("kendall", DoubleType, true),
                    f("top_k", createArrayType(IntegerType, false), false),
                    f("top_k_overlap", createArrayType(IntegerType, false), false),
                    f("null_spearman_mean", DoubleType, true),
                    f("null_spearman_sd", DoubleType, true),
                    f("null_p", DoubleType, true),
                    f("spearman_ci95_low", DoubleType, true),
                    f("spearman_ci95_high", DoubleType, true),
                    f("noise_ceiling", DoubleType, true),
                    f("oracle_failed_layers", IntegerType, false));

    /** Rank stability of each scoring method across draws and across targets. */
    public static final StructType RANK_STABILITY_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("scope", StringType, false),
                    f("pair", StringType, false),
                    f("architecture", StringType, false),
                    f("method", StringType, false),
                    f("layers", IntegerType, false),
                    f("raters", IntegerType, false),
                    f("mean_spearman", DoubleType, true),
                    f("kendall_w", DoubleType, true),
                    f("consensus", createArrayType(StringType, false), false),
                    f("consensus_mean_rank", createArrayType(DoubleType, false), false));

    /** Paired tests of every method against adabet at the same budget (report.MethodTests). */
    public static final StructType TESTS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("scope", StringType, false),
                    f("pair", StringType, false),
                    f("budget", StringType, false),
                    f("method", StringType, false),
                    f("method_budget", StringType, false),
                    f("baseline", StringType, false),
                    f("n", IntegerType, false),
                    f("n_nonzero", IntegerType, false),
                    f("mean_diff", DoubleType, true),
                    f("sd_diff", DoubleType, true),
                    f("ci95_low", DoubleType, true),
                    f("ci95_high", DoubleType, true),
                    f("test", StringType, false),
                    f("statistic", DoubleType, true),
                    f("p_value", DoubleType, true),
                    f("p_holm", DoubleType, true),
                    f("holm_family", IntegerType, false));

    /**
     * The comparison table (comparison.csv's rows, in its order, numbered by {@code position}); NaN
     * figures are null.
     */
    public static final StructType COMPARISON_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("position", IntegerType, false),
                    f("pair", StringType, false),
                    f("method", StringType, false),
                    f("budget", StringType, false),
                    f("runs", IntegerType, false),
                    f("failed", IntegerType, false),
                    f("acc_mean", DoubleType, true),
                    f("acc_sd", DoubleType, true),
                    f("acc_ci95_low", DoubleType, true),
                    f("acc_ci95_high", DoubleType, true),
                    f("final_test_acc", DoubleType, true),
                    f("val_acc", DoubleType, true),
                    f("acc_before", DoubleType, true),
                    f("layers_trained", IntegerType, false),
                    f("layers_total", IntegerType, false),
                    f("params_trained", LongType, false),
                    f("params_total", LongType, false),
                    f("peak_mem_bytes", LongType, false),
                    f("ref_mem_bytes", LongType, false),
                    f("fits", createArrayType(StringType, false), false),
                    f("selection_ms", DoubleType, true),
                    f("selection_peak_bytes", LongType, false),
                    f("needs_labels", BooleanType, false),
                    f("forward_passes", IntegerType, false),
                    f("backward_passes", IntegerType, false),
                    f("train_ms", DoubleType, true),
                    f("layers", StringType, false),
                    f("device_seconds", createMapType(StringType, DoubleType, false), false));

    /** One row per failed task or selection of any stage; {@code time} is when it failed (UTC). */
    public static final StructType FAILURES_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("stage", StringType, false),
                    f("task_key", StringType, false),
                    f("error_class", StringType, false),
                    f("message", StringType, false),
                    f("attempt", IntegerType, false),
                    f("time", TimestampType, false));

    /** The {@code runs} index: one row per run ({@link RunSummary}). */
    public static final StructType RUNS_SCHEMA =
            schema(
                    f("run_id", StringType, false),
                    f("name", StringType, false),
                    f("run_date", StringType, false),
                    f("created", StringType, false),
                    f("finished", StringType, true),
                    f("git_commit", StringType, false),
                    f("config_hash", StringType, false),
                    f("status", StringType, false),
                    f("attempt", IntegerType, false),
                    f("tasks", IntegerType, false),
                    f("reused", IntegerType, false),
                    f("computed", IntegerType, false),
                    f("failures", IntegerType, false),
                    f("folder", StringType, false),
                    f("spark_master", StringType, false),
                    f("project_version", StringType, false));

    public static Row runRow(RunSummary r) {
        return RowFactory.create(
                r.runId(),
                r.name(),
                r.runDate(),
                r.created(),
                r.finished(),
                r.gitCommit(),
                r.configHash(),
                r.status(),
                r.attempt(),
                r.tasks(),
                r.reused(),
                r.computed(),
                r.failures(),
                r.folder(),
                r.sparkMaster(),
                r.projectVersion());
    }

    /**
     * @param attempt which attempt of the run (1 = the first; a resumed run counts on) failed it
     * @param epochMillis when it failed
     */
    public static Row failureRow(String runId, TaskFailure f, int attempt, long epochMillis) {
        return RowFactory.create(
                runId,
                f.stage(),
                f.taskKey(),
                f.errorClass(),
                f.message(),
                attempt,
                new java.sql.Timestamp(epochMillis));
    }

    public static Row pretrainRow(String runId, PretrainedModel m) {
        return RowFactory.create(
                runId,
                m.architecture(),
                m.key(),
                m.fromCache(),
                nanToNull(m.sourceAccuracy()),
                m.trainMillis());
    }

    public static List<Row> statisticsRows(String runId, StatisticsOutcome o) {
        Pair p = o.task().pair();
        List<Row> rows = new ArrayList<>();
        if (!o.succeeded()) {
            rows.add(
                    RowFactory.create(
                            runId,
                            p.key(),
                            p.architecture(),
                            p.target(),
                            o.task().batch(),
                            o.task().draw(),
                            "failed",
                            o.error(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            o.millis(),
                            null,
                            null,
                            o.loadMillis()));
            return rows;
        }
        for (LayerBatchStatistics s : o.layers()) {
            Integer[] channels = null;
            if (s.channelBeta1() != null) {
                channels =
                        java.util.Arrays.stream(s.channelBeta1()).boxed().toArray(Integer[]::new);
            }
            rows.add(
                    RowFactory.create(
                            runId,
                            p.key(),
                            p.architecture(),
                            p.target(),
                            s.batch(),
                            o.task().draw(),
                            "ok",
                            null,
                            s.layerIndex(),
                            s.layer(),
                            s.layerType(),
                            s.parameters(),
                            s.points(),
                            s.dimension(),
                            s.beta0(),
                            s.beta1(),
                            s.totalPersistence0(),
                            s.totalPersistence1(),
                            s.maxPersistence1(),
                            s.beta1Above(),
                            s.referenceScore(),
                            channels,
                            s.persistenceMillis(),
                            s.channelMillis(),
                            o.millis(),
                            // null unless representation_change is swept
                            o.representationChange().get(s.layer()),
                            o.representationChange().isEmpty() ? null : o.representationMillis(),
                            o.loadMillis()));
        }
        return rows;
    }

    public static List<Row> gradientRows(String runId, GradientOutcome o) {
        List<Row> rows = new ArrayList<>();
        if (!o.succeeded()) {
            rows.add(
                    RowFactory.create(
                            runId,
                            o.pair().key(),
                            "failed",
                            o.error(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            o.millis(),
                            o.loadMillis()));
        }
        for (GradientStatistics g : o.layers()) {
            rows.add(
                    RowFactory.create(
                            runId,
                            o.pair().key(),
                            "ok",
                            null,
                            g.layer(),
                            g.fisher(),
                            g.gradientNorm(),
                            g.parameterNorm(),
                            g.relativeGradientNorm(),
                            o.millis(),
                            o.loadMillis()));
        }
        return rows;
    }

    /**
     * One method's scores of a pair's layers from the statistics of {@code draw}, in layer order,
     * without the {@code rank} column: the scores stage adds it with a SQL window over all pairs,
     * methods and draws at once.
     */
    public static List<Row> scoreRows(
            String runId,
            Pair pair,
            String method,
            int draw,
            List<LayerInfo> layers,
            Map<String, Double> scores) {
        List<Row> rows = new ArrayList<>();
        for (LayerInfo l : layers) {
            rows.add(
                    RowFactory.create(
                            runId,
                            pair.key(),
                            method,
                            draw,
                            l.index(),
                            l.name(),
                            l.type(),
                            l.parameters(),
                            l.outputElements(),
                            scores.get(l.name())));
        }
        return rows;
    }

    /** The columns of {@link #scoreRows}: {@link #LAYER_SCORES_SCHEMA} but {@code rank}. */
    public static final List<StructField> LAYER_SCORES_UNRANKED =
            java.util.Arrays.stream(LAYER_SCORES_SCHEMA.fields())
                    .filter(f -> !f.name().equals("rank"))
                    .toList();

    /**
     * @param error why the method could not choose, or null
     */
    public static Row selectionRow(String runId, RetrainTask t, String error, boolean headForced) {
        // Sorted by layer: the spec's map has no fixed iteration order from one JVM to the next.
        Map<String, Integer> channels = new java.util.TreeMap<>();
        t.spec()
                .channelMasks()
                .forEach((layer, mask) -> channels.put(layer, TrainableSpec.kept(mask)));
        return RowFactory.create(
                runId,
                t.pair().key(),
                t.method(),
                budget(t),
                rho(t),
                memoryBudget(t),
                t.seed(),
                t.draw(),
                error == null ? "ok" : "failed",
                error,
                headForced,
                t.layers().size(),
                t.layers().toArray(new String[0]),
                t.spec().biasOnly().stream().sorted().toArray(String[]::new),
                CollectionConverters.asScala(channels),
                CollectionConverters.asScala(masks(t)),
                t.selectionCost().needsLabels(),
                t.selectionCost().forwardPasses(),
                t.selectionCost().backwardPasses(),
                t.selectionMillis(),
                t.loadMillis(),
                t.selectionPeakBytes());
    }

    public static Row retrainRow(String runId, RetrainOutcome o, List<DeviceProfile> devices) {
        RetrainTask t = o.task();
        Map<String, Boolean> fits = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (DeviceProfile d : devices) {
            fits.put(d.name(), d.fits(t.memory().total()));
            seconds.put(d.name(), d.seconds(t.trainingFlops()));
        }
        return RowFactory.create(
                runId,
                t.pair().key(),
                t.pair().architecture(),
                t.pair().target(),
                t.method(),
                budget(t),
                rho(t),
                memoryBudget(t),
                t.seed(),
                t.draw(),
                o.succeeded() ? "ok" : "failed",
                o.error(),
                t.layers().toArray(new String[0]),
                o.trainableParameters(),
                o.totalParameters(),
                nanToNull(o.accuracyBefore()),
                nanToNull(o.testAccuracy()),
                nanToNull(o.finalAccuracy()),
                nanToNull(o.validationAccuracy()),
                o.bestEpoch() == 0 ? null : o.bestEpoch(),
                o.epochAccuracy().toArray(new Double[0]),
                o.epochValidationAccuracy().toArray(new Double[0]),
                t.memory().total(),
                t.referenceMemoryBytes(),
                t.memory().parameters(),
                t.memory().gradients(),
                t.memory().optimizerState(),
                t.memory().activations(),
                t.memory().transientBuffer(),
                t.trainingFlops(),
                CollectionConverters.asScala(fits),
                CollectionConverters.asScala(seconds),
                t.selectionMillis(),
                t.loadMillis(),
                o.trainMillis(),
                o.prefixCached());
    }

    public static Row testRow(String runId, TestRow t) {
        var c = t.comparison();
        var d = c.difference();
        return RowFactory.create(
                runId,
                t.scope(),
                t.pair(),
                t.budget(),
                t.method(),
                t.methodBudget(),
                MethodTests.BASELINE,
                c.n(),
                c.nonZero(),
                nanToNull(d.mean()),
                nanToNull(d.sd()),
                nanToNull(d.ci95Low()),
                nanToNull(d.ci95High()),
                c.test(),
                nanToNull(c.statistic()),
                nanToNull(c.pValue()),
                nanToNull(t.pHolm()),
                t.family());
    }

    /**
     * @param position the row's place in the table's order (0 = first)
     * @param devices the configured devices, in the order of the row's device seconds
     */
    public static Row comparisonRow(
            String runId, int position, ComparisonRow r, List<DeviceProfile> devices) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            seconds.put(devices.get(i).name(), r.deviceSeconds().get(i));
        }
        return RowFactory.create(
                runId,
                position,
                r.pair(),
                r.method(),
                r.budget(),
                r.runs(),
                r.failed(),
                nanToNull(r.accuracy().mean()),
                nanToNull(r.accuracy().sd()),
                nanToNull(r.accuracy().ci95Low()),
                nanToNull(r.accuracy().ci95High()),
                nanToNull(r.finalAccuracy()),
                nanToNull(r.validationAccuracy()),
                nanToNull(r.accuracyBefore()),
                r.layersTrained(),
                r.layersTotal(),
                r.parametersTrained(),
                r.parametersTotal(),
                r.peakMemoryBytes(),
                r.referenceMemoryBytes(),
                r.fits().toArray(new String[0]),
                nanToNull(r.selectionMillis()),
                r.selectionPeakBytes(),
                r.needsLabels(),
                r.forwardPasses(),
                r.backwardPasses(),
                nanToNull(r.trainMillis()),
                r.layers(),
                CollectionConverters.asScala(seconds));
    }

    public static Row agreementRow(String runId, AgreementRow a) {
        return RowFactory.create(
                runId,
                a.pair(),
                a.method(),
                a.layers(),
                nanToNull(a.spearman()),
                nanToNull(a.kendall()),
                a.topK().stream().map(AgreementRow.TopK::k).toArray(Integer[]::new),
                a.topK().stream().map(AgreementRow.TopK::overlap).toArray(Integer[]::new),
                nanToNull(a.nullMean()),
                nanToNull(a.nullSd()),
                nanToNull(a.nullP()),
                nanToNull(a.spearmanCi95Low()),
                nanToNull(a.spearmanCi95High()),
                nanToNull(a.noiseCeiling()),
                a.oracleFailedLayers());
    }

    public static Row rankStabilityRow(String runId, RankStabilityRow r) {
        return RowFactory.create(
                runId,
                r.scope(),
                r.pair(),
                r.architecture(),
                r.method(),
                r.layers(),
                r.raters(),
                nanToNull(r.meanSpearman()),
                nanToNull(r.kendallW()),
                r.consensus().toArray(new String[0]),
                r.consensusMeanRank().toArray(new Double[0]));
    }

    /** Each masked layer's channel mask, as the row's boolean arrays. */
    private static Map<String, Boolean[]> masks(RetrainTask t) {
        Map<String, Boolean[]> out = new java.util.TreeMap<>();
        t.spec()
                .channelMasks()
                .forEach(
                        (layer, mask) -> {
                            Boolean[] boxed = new Boolean[mask.length];
                            for (int i = 0; i < mask.length; i++) {
                                boxed[i] = mask[i];
                            }
                            out.put(layer, boxed);
                        });
        return out;
    }

    private static String budget(RetrainTask t) {
        return t.budget() == null ? "-" : t.budget().label();
    }

    private static Double rho(RetrainTask t) {
        return t.budget() == null ? null : t.budget().rho();
    }

    private static Long memoryBudget(RetrainTask t) {
        return t.budget() == null ? null : t.budget().memoryBytes();
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
