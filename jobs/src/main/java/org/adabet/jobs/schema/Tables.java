package org.adabet.jobs.schema;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.sweep.Pair;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.StatisticsOutcome;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The output tables: their names, schemas, and the conversion of library results to rows. This
 * is the one place that knows column names; the README documents the same columns.
 */
public final class Tables {
    public static final String PRETRAIN = "pretrain";
    public static final String LAYER_STATISTICS = "layer_statistics";
    public static final String LAYER_SCORES = "layer_scores";
    public static final String SELECTIONS = "selections";
    public static final String RETRAIN_RUNS = "retrain_runs";

    private Tables() {}

    private static StructField f(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
        return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty());
    }

    public static final StructType PRETRAIN_SCHEMA = new StructType(new StructField[] {
        f("run_id", StringType, false), f("architecture", StringType, false), f("model_key", StringType, false),
        f("from_cache", BooleanType, false), f("source_accuracy", DoubleType, true), f("train_ms", LongType, false)});

    public static final StructType LAYER_STATISTICS_SCHEMA = new StructType(new StructField[] {
        f("run_id", StringType, false), f("pair", StringType, false), f("architecture", StringType, false),
        f("target", StringType, false), f("batch", IntegerType, false), f("status", StringType, false),
        f("error", StringType, true), f("layer_index", IntegerType, true), f("layer", StringType, true),
        f("layer_type", StringType, true), f("parameters", LongType, true), f("points", IntegerType, true),
        f("dimension", LongType, true), f("beta0", IntegerType, true), f("beta1", IntegerType, true),
        f("total_persistence0", DoubleType, true), f("total_persistence1", DoubleType, true),
        f("max_persistence1", DoubleType, true), f("reference_score", DoubleType, true),
        f("persistence_ms", DoubleType, true), f("task_ms", DoubleType, false)});

    public static final StructType LAYER_SCORES_SCHEMA = new StructType(new StructField[] {
        f("run_id", StringType, false), f("pair", StringType, false), f("layer_index", IntegerType, false),
        f("layer", StringType, false), f("layer_type", StringType, false), f("parameters", LongType, false),
        f("dimension", LongType, false), f("score", DoubleType, false), f("rank", IntegerType, false)});

    public static final StructType SELECTIONS_SCHEMA = new StructType(new StructField[] {
        f("run_id", StringType, false), f("pair", StringType, false), f("method", StringType, false),
        f("rho", DoubleType, true), f("seed", LongType, false), f("head_forced", BooleanType, false),
        f("layer_count", IntegerType, false), f("layers", createArrayType(StringType, false), false),
        f("selection_ms", DoubleType, false)});

    public static final StructType RETRAIN_RUNS_SCHEMA = new StructType(new StructField[] {
        f("run_id", StringType, false), f("pair", StringType, false), f("architecture", StringType, false),
        f("target", StringType, false), f("method", StringType, false), f("rho", DoubleType, true),
        f("seed", LongType, false), f("status", StringType, false), f("error", StringType, true),
        f("layers", createArrayType(StringType, false), false), f("trainable_params", LongType, false),
        f("total_params", LongType, false), f("acc_before", DoubleType, true), f("best_acc", DoubleType, true),
        f("final_acc", DoubleType, true), f("epoch_acc", createArrayType(DoubleType, false), false),
        f("selection_ms", DoubleType, false), f("train_ms", LongType, false)});

    public static Row pretrainRow(String runId, PretrainedModel m) {
        return RowFactory.create(runId, m.architecture(), m.key(), m.fromCache(),
                Double.isNaN(m.sourceAccuracy()) ? null : m.sourceAccuracy(), m.trainMillis());
    }

    public static List<Row> statisticsRows(String runId, StatisticsOutcome o) {
        Pair p = o.task().pair();
        List<Row> rows = new ArrayList<>();
        if (!o.succeeded()) {
            rows.add(RowFactory.create(runId, p.key(), p.architecture(), p.target().configName(), o.task().batch(),
                    "failed", o.error(), null, null, null, null, null, null, null, null, null, null, null, null,
                    null, o.millis()));
            return rows;
        }
        for (LayerBatchStatistics s : o.layers()) {
            rows.add(RowFactory.create(runId, p.key(), p.architecture(), p.target().configName(), s.batch(), "ok",
                    null, s.layerIndex(), s.layer(), s.layerType(), s.parameters(), s.points(), s.dimension(),
                    s.beta0(), s.beta1(), s.totalPersistence0(), s.totalPersistence1(), s.maxPersistence1(),
                    s.referenceScore(), s.persistenceMillis(), o.millis()));
        }
        return rows;
    }

    /** Scores of one pair's layers with their rank (1 = highest score; ties to the earlier layer). */
    public static List<Row> scoreRows(String runId, Pair pair, List<LayerInfo> layers, Map<String, Double> scores) {
        List<LayerInfo> ranked = new ArrayList<>(layers);
        ranked.sort((a, b) -> {
            int c = Double.compare(scores.get(b.name()), scores.get(a.name()));
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        });
        List<Row> rows = new ArrayList<>();
        for (LayerInfo l : layers) {
            rows.add(RowFactory.create(runId, pair.key(), l.index(), l.name(), l.type(), l.parameters(),
                    l.outputElements(), scores.get(l.name()), ranked.indexOf(l) + 1));
        }
        return rows;
    }

    public static Row selectionRow(String runId, RetrainTask t, boolean headForced) {
        return RowFactory.create(runId, t.pair().key(), t.method(), t.rho(), t.seed(), headForced,
                t.layers().size(), t.layers().toArray(new String[0]), t.selectionMillis());
    }

    public static Row retrainRow(String runId, RetrainOutcome o) {
        RetrainTask t = o.task();
        return RowFactory.create(runId, t.pair().key(), t.pair().architecture(), t.pair().target().configName(),
                t.method(), t.rho(), t.seed(), o.succeeded() ? "ok" : "failed", o.error(),
                t.layers().toArray(new String[0]), o.trainableParameters(), o.totalParameters(),
                nanToNull(o.accuracyBefore()), nanToNull(o.bestAccuracy()), nanToNull(o.finalAccuracy()),
                o.epochAccuracy().toArray(new Double[0]), t.selectionMillis(), o.trainMillis());
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
