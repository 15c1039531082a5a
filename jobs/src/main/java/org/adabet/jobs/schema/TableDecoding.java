package org.adabet.jobs.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.model.GradientStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.selection.Budget;
import org.adabet.selection.SelectionCost;
import org.adabet.sweep.GradientOutcome;
import org.adabet.sweep.Pair;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.adabet.sweep.StatisticsOutcome;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.SweepPlan;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The other direction of {@link Tables}: rows read back from a run's tables become the library's
 * records again, so each stage reads its inputs from the tables the stages before it wrote. Columns
 * are looked up by the names {@link Tables} declares; what a row cannot hold (a pair's order in the
 * plan) comes from the plan.
 */
public final class TableDecoding {
    private TableDecoding() {}

    /** The {@code layers} table: each pair's candidate layers in index order, and train sizes. */
    public record Layers(Map<Pair, List<LayerInfo>> layers, Map<Pair, Integer> trainSizes) {}

    /**
     * @param plan gives the pairs' order; a planned pair without rows (its description failed) is
     *     left out
     */
    public static Layers layers(List<Row> rows, SweepPlan plan) {
        Map<String, List<LayerInfo>> byKey = new TreeMap<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (Row r : rows) {
            String pair = r.getAs("pair");
            byKey.computeIfAbsent(pair, k -> new ArrayList<>())
                    .add(
                            new LayerInfo(
                                    r.getAs("layer_index"),
                                    r.getAs("layer"),
                                    r.getAs("layer_type"),
                                    r.getAs("parameters"),
                                    r.getAs("bias_parameters"),
                                    r.getAs("input_elements"),
                                    r.getAs("output_elements"),
                                    r.getAs("channels"),
                                    r.getAs("forward_flops"),
                                    r.getAs("relu_after"),
                                    r.getAs("head"),
                                    r.getAs("weight_input_elements"),
                                    r.getAs("pass_elements")));
            sizes.put(pair, r.getAs("train_size"));
        }
        Map<Pair, List<LayerInfo>> layers = new LinkedHashMap<>();
        Map<Pair, Integer> trainSizes = new LinkedHashMap<>();
        for (Pair p : plan.pairs()) {
            List<LayerInfo> l = byKey.get(p.key());
            if (l != null) {
                l.sort(java.util.Comparator.comparingInt(LayerInfo::index));
                layers.put(p, List.copyOf(l));
                trainSizes.put(p, sizes.get(p.key()));
            }
        }
        return new Layers(layers, trainSizes);
    }

    /** The {@code layer_statistics} table: one outcome per planned task that has rows. */
    public static List<StatisticsOutcome> statistics(List<Row> rows, List<StatisticsTask> planned) {
        Map<String, List<Row>> byTask = new LinkedHashMap<>();
        for (Row r : rows) {
            byTask.computeIfAbsent(
                            r.<String>getAs("pair")
                                    + "|"
                                    + r.<Integer>getAs("batch")
                                    + "|"
                                    + r.<Integer>getAs("draw"),
                            k -> new ArrayList<>())
                    .add(r);
        }
        List<StatisticsOutcome> out = new ArrayList<>();
        for (StatisticsTask t : planned) {
            List<Row> mine = byTask.get(t.pair().key() + "|" + t.batch() + "|" + t.draw());
            if (mine == null) {
                continue;
            }
            Row first = mine.get(0);
            double millis = first.getAs("task_ms");
            double loadMillis = loadMillis(first);
            if ("failed".equals(first.getAs("status"))) {
                out.add(
                        new StatisticsOutcome(
                                t, List.of(), millis, first.getAs("error"), loadMillis));
                continue;
            }
            List<LayerBatchStatistics> layers = new ArrayList<>();
            Map<String, Double> change = new LinkedHashMap<>();
            double changeMillis = 0;
            for (Row r : mine) {
                layers.add(layerStatistics(r));
                Double c = r.getAs("representation_change");
                if (c != null) {
                    change.put(r.getAs("layer"), c);
                    changeMillis = r.<Double>getAs("representation_ms");
                }
            }
            layers.sort(java.util.Comparator.comparingInt(LayerBatchStatistics::layerIndex));
            out.add(
                    new StatisticsOutcome(
                            t, layers, millis, null, change, changeMillis, loadMillis));
        }
        return out;
    }

    private static LayerBatchStatistics layerStatistics(Row r) {
        int[] channels = null;
        int at = r.fieldIndex("channel_beta1");
        if (!r.isNullAt(at)) {
            List<Integer> list = r.getList(at);
            channels = list.stream().mapToInt(Integer::intValue).toArray();
        }
        return new LayerBatchStatistics(
                r.getAs("layer_index"),
                r.getAs("layer"),
                r.getAs("layer_type"),
                r.getAs("parameters"),
                r.getAs("batch"),
                r.getAs("points"),
                r.getAs("dimension"),
                r.getAs("beta0"),
                r.getAs("beta1"),
                r.getAs("total_persistence0"),
                r.getAs("total_persistence1"),
                r.getAs("max_persistence1"),
                r.getAs("beta1_above"),
                r.getAs("reference_score"),
                channels,
                r.getAs("persistence_ms"),
                r.getAs("channel_ms"));
    }

    /**
     * The {@code gradient_statistics} table: one outcome per planned pair that has rows, its layers
     * in the pair's layer order.
     */
    public static List<GradientOutcome> gradients(
            List<Row> rows, List<Pair> planned, Map<Pair, List<LayerInfo>> layers) {
        Map<String, List<Row>> byPair = new LinkedHashMap<>();
        for (Row r : rows) {
            byPair.computeIfAbsent(r.getAs("pair"), k -> new ArrayList<>()).add(r);
        }
        List<GradientOutcome> out = new ArrayList<>();
        for (Pair p : planned) {
            List<Row> mine = byPair.get(p.key());
            if (mine == null) {
                continue;
            }
            Row first = mine.get(0);
            double millis = first.getAs("task_ms");
            double loadMillis = loadMillis(first);
            if ("failed".equals(first.getAs("status"))) {
                out.add(
                        new GradientOutcome(
                                p, List.of(), millis, first.getAs("error"), loadMillis));
                continue;
            }
            Map<String, GradientStatistics> byLayer = new LinkedHashMap<>();
            for (Row r : mine) {
                byLayer.put(
                        r.getAs("layer"),
                        new GradientStatistics(
                                r.getAs("layer"),
                                r.getAs("fisher"),
                                r.getAs("gradient_norm"),
                                r.getAs("parameter_norm")));
            }
            List<GradientStatistics> ordered = new ArrayList<>();
            for (LayerInfo l : layers.getOrDefault(p, List.of())) {
                if (byLayer.containsKey(l.name())) {
                    ordered.add(byLayer.remove(l.name()));
                }
            }
            ordered.addAll(byLayer.values());
            out.add(new GradientOutcome(p, ordered, millis, null, loadMillis));
        }
        return out;
    }

    /**
     * The {@code layer_scores} table's draw 0 (the scores the selections use): pair -> method ->
     * layer -> score, in the given orders.
     */
    public static Map<Pair, Map<String, Map<String, Double>>> scores(
            List<Row> rows, Map<Pair, List<LayerInfo>> layers, List<String> methods) {
        return scores(rows, layers, methods, 0);
    }

    /** Every draw of the {@code layer_scores} table: pair -> draw -> method -> layer -> score. */
    public static Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> scoresByDraw(
            List<Row> rows, Map<Pair, List<LayerInfo>> layers, List<String> methods) {
        java.util.SortedSet<Integer> draws = new java.util.TreeSet<>();
        rows.forEach(r -> draws.add(r.<Integer>getAs("draw")));
        Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> out = new LinkedHashMap<>();
        for (int d : draws) {
            scores(rows, layers, methods, d)
                    .forEach(
                            (pair, byMethod) -> {
                                if (!byMethod.isEmpty()) {
                                    out.computeIfAbsent(pair, p -> new TreeMap<>())
                                            .put(d, byMethod);
                                }
                            });
        }
        return out;
    }

    private static Map<Pair, Map<String, Map<String, Double>>> scores(
            List<Row> rows, Map<Pair, List<LayerInfo>> layers, List<String> methods, int draw) {
        Map<String, Map<String, Map<String, Double>>> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.<Integer>getAs("draw") != draw) {
                continue;
            }
            byKey.computeIfAbsent(r.getAs("pair"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.getAs("method"), k -> new LinkedHashMap<>())
                    .put(r.getAs("layer"), r.getAs("score"));
        }
        Map<Pair, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
        for (Pair p : layers.keySet()) {
            Map<String, Map<String, Double>> read = byKey.getOrDefault(p.key(), Map.of());
            Map<String, Map<String, Double>> ordered = new LinkedHashMap<>();
            for (String m : methods) {
                if (read.containsKey(m)) {
                    Map<String, Double> byLayer = new LinkedHashMap<>();
                    for (LayerInfo l : layers.get(p)) {
                        byLayer.put(l.name(), read.get(m).get(l.name()));
                    }
                    ordered.put(m, byLayer);
                }
            }
            out.put(p, ordered);
        }
        return out;
    }

    /** {@code load_ms}, or 0 in a table written before loading was timed apart. */
    private static double loadMillis(Row r) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains("load_ms")
                ? r.<Double>getAs("load_ms")
                : 0;
    }

    /** One row of {@code selections} with its error (null when it chose). */
    public record Selection(RetrainTask task, String error) {}

    /**
     * A {@code selections} row as the retraining run it describes, its analytic costs recomputed by
     * the plan from the spec it records.
     */
    public static Selection selection(Row r, SweepPlan plan, Layers layers) {
        Pair pair = pair(r.getAs("pair"), plan);
        Double rho = r.getAs("rho");
        Long memory = r.getAs("memory_budget");
        Budget budget = rho == null && memory == null ? null : new Budget(rho, memory);
        Map<String, boolean[]> masks = new TreeMap<>();
        Map<String, scala.collection.Seq<Object>> read =
                CollectionConverters.asJava(
                        r.<scala.collection.Map<String, scala.collection.Seq<Object>>>getAs(
                                "channel_masks"));
        read.forEach(
                (layer, seq) -> {
                    List<Object> values = CollectionConverters.asJava(seq);
                    boolean[] mask = new boolean[values.size()];
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = (Boolean) values.get(i);
                    }
                    masks.put(layer, mask);
                });
        TrainableSpec spec =
                new TrainableSpec(
                        new java.util.TreeSet<>(specLayers(r, "layers")),
                        new java.util.TreeSet<>(specLayers(r, "bias_only_layers")),
                        masks);
        RetrainTask task =
                plan.task(
                        pair,
                        r.getAs("method"),
                        budget,
                        r.getAs("seed"),
                        spec,
                        layers.layers().get(pair),
                        new SelectionCost(
                                r.getAs("needs_labels"),
                                r.getAs("forward_passes"),
                                r.getAs("backward_passes")),
                        r.getAs("selection_ms"),
                        loadMillis(r),
                        r.getAs("selection_peak_bytes"),
                        r.<Integer>getAs("draw"),
                        layers.trainSizes().get(pair));
        return new Selection(task, r.getAs("error"));
    }

    /**
     * The trained layers a selection row lists. The row lists every touched layer, bias-only ones
     * too; the spec's whole layers are those not bias-only.
     */
    private static List<String> specLayers(Row r, String column) {
        List<String> listed = new ArrayList<>(r.getList(r.fieldIndex(column)));
        if (column.equals("layers")) {
            listed.removeAll(r.getList(r.fieldIndex("bias_only_layers")));
        }
        return listed;
    }

    /** A {@code retrain_runs} / {@code oracle_runs} row as the outcome of {@code task}. */
    public static RetrainOutcome outcome(Row r, RetrainTask task) {
        String error = r.getAs("error");
        if (error != null) {
            return RetrainOutcome.failed(task, error);
        }
        Integer bestEpoch = r.getAs("best_epoch");
        return new RetrainOutcome(
                task,
                r.getAs("trainable_params"),
                r.getAs("total_params"),
                nullToNaN(r.getAs("test_acc")),
                nullToNaN(r.getAs("final_test_acc")),
                nullToNaN(r.getAs("val_acc")),
                bestEpoch == null ? 0 : bestEpoch,
                r.getList(r.fieldIndex("epoch_acc")),
                r.getList(r.fieldIndex("epoch_val_acc")),
                nullToNaN(r.getAs("acc_before")),
                r.getAs("train_ms"),
                null,
                prefixCached(r));
    }

    /** A row's {@code prefix_cached}; false for tables written before the column existed. */
    private static boolean prefixCached(Row r) {
        return java.util.Arrays.asList(r.schema().fieldNames()).contains("prefix_cached")
                && Boolean.TRUE.equals(r.getAs("prefix_cached"));
    }

    /**
     * The task key of a {@code retrain_runs} / {@code selections} row, as {@link RetrainTask#key}.
     */
    public static String runKey(Row r) {
        return r.<String>getAs("pair")
                + "|"
                + r.<String>getAs("method")
                + "|"
                + r.<String>getAs("budget")
                + "|"
                + r.<Long>getAs("seed")
                + (r.<Integer>getAs("draw") == 0 ? "" : "|draw=" + r.<Integer>getAs("draw"));
    }

    private static Pair pair(String key, SweepPlan plan) {
        return plan.pairs().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "table row of pair '" + key + "', which the plan lacks"));
    }

    private static double nullToNaN(Double v) {
        return v == null ? Double.NaN : v;
    }
}
