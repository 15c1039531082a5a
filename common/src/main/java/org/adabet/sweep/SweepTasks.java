package org.adabet.sweep;

import java.util.List;
import java.util.Map;
import org.adabet.activation.LayerBatchStatistics;
import org.adabet.activation.LayerStatisticsCalculator;
import org.adabet.config.SweepConfig;
import org.adabet.data.DomainData;
import org.adabet.data.ImageSet;
import org.adabet.data.ValidationSplit;
import org.adabet.model.Architecture;
import org.adabet.model.GradientStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.NetworkPool;
import org.adabet.model.Networks;
import org.adabet.pretrain.PretrainKey;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.pretrain.Pretraining;
import org.adabet.retrain.BatchNormAdaptation;
import org.adabet.retrain.PrefixCaching;
import org.adabet.retrain.Trainer;
import org.adabet.retrain.TrainingResult;
import org.adabet.seed.Seeds;
import org.adabet.selection.Evidence;
import org.adabet.selection.Retraining;
import org.adabet.selection.SelectionMethods;
import org.adabet.stats.LinearCka;

/**
 * The work of one planned row, as plain Java: the Spark jobs call exactly these, one call per task.
 * Statistics and retraining never throw: a failure becomes an outcome with its error, so one bad
 * pair does not stop the sweep.
 */
public final class SweepTasks {
    /** Candidate layers by architecture, described once per JVM. */
    private static final java.util.Map<Architecture, List<LayerInfo>> LAYERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SweepTasks() {}

    /** The pretraining cache key of an architecture under this configuration. */
    public static String pretrainKey(SweepConfig config, String arch) {
        return PretrainKey.of(
                SweepPlan.sourceArchitecture(config, arch),
                config.data(),
                config.pretrain(),
                config.seed());
    }

    /** Pretrains one architecture on the source domain. */
    public static PretrainedModel pretrain(SweepConfig config, String arch) {
        DomainData source = Domains.source(config.seed(), config.data());
        return Pretraining.run(
                pretrainKey(config, arch),
                SweepPlan.sourceArchitecture(config, arch),
                source,
                config.pretrain(),
                config.seed());
    }

    /** The candidate layers of a pair's network (built without training). */
    public static List<LayerInfo> layers(SweepConfig config, Pair pair) {
        // Pairs of one architecture and class count share a description; building a large
        // network (VGG-16: 138M parameters) once per pair would be wasted work.
        return LAYERS.computeIfAbsent(
                SweepPlan.targetArchitecture(config, pair),
                arch -> {
                    try (Network net = Networks.create(arch, 0)) {
                        return net.layers();
                    }
                });
    }

    /**
     * The plan stage's task for one pair: its candidate layers, training-split size and dataset
     * report. Never throws: an unreadable dataset becomes the description's error.
     */
    public static PairDescription describe(SweepConfig config, Pair pair) {
        try {
            List<LayerInfo> layers = layers(config, pair);
            int trainSize = SweepPlan.trainSize(config, pair);
            Object report = Domains.datasetReports(config.data()).get(pair.target());
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> dataset =
                    report == null
                            ? java.util.Map.of()
                            : new java.util.LinkedHashMap<>((java.util.Map<String, Object>) report);
            return new PairDescription(pair, layers, trainSize, dataset, null);
        } catch (RuntimeException e) {
            return new PairDescription(
                    pair, List.of(), 0, java.util.Map.of(), Failures.describe(e));
        }
    }

    /**
     * AdaBet's statistics for one unlabeled batch: in draw 0 the first k batches of the fitting
     * part of the target training split (the validation part held out), unshuffled; in draw d > 0
     * the batches of a seeded permutation of it ({@link BatchDraws}). Loading (the data split and
     * the network) is timed apart from the work every selection method is timed on: its passes and
     * scoring on a loaded batch and network.
     */
    public static StatisticsOutcome statistics(
            SweepConfig config, PretrainedModel model, StatisticsTask task) {
        long start = System.nanoTime();
        double loadMillis = 0;
        try {
            ImageSet train = fitPart(config, task.pair());
            int n = config.statistics().batchSize();
            int[] order =
                    task.draw() == 0
                            ? train.naturalOrder()
                            : BatchDraws.order(
                                    config.seed(), task.pair(), task.draw(), train.size());
            float[] images = train.gather(order, task.batch() * n, n);
            try (Network net = load(config, model, task.pair(), 0)) {
                loadMillis = (System.nanoTime() - start) / 1e6;
                long computeStart = System.nanoTime();
                List<LayerBatchStatistics> rows =
                        LayerStatisticsCalculator.compute(
                                net, images, n, task.batch(), SweepPlan.statisticsOptions(config));
                Map<String, Double> change = Map.of();
                double changeMillis = 0;
                if (SweepPlan.requiredBy(config, Evidence.REPRESENTATION_CHANGE)) {
                    long changeStart = System.nanoTime();
                    change = representationChange(net, images, n);
                    changeMillis = (System.nanoTime() - changeStart) / 1e6;
                }
                return new StatisticsOutcome(
                        task,
                        rows,
                        (System.nanoTime() - computeStart) / 1e6,
                        null,
                        change,
                        changeMillis,
                        loadMillis);
            }
        } catch (RuntimeException e) {
            return new StatisticsOutcome(
                    task,
                    List.of(),
                    (System.nanoTime() - start) / 1e6 - loadMillis,
                    Failures.describe(e),
                    loadMillis);
        }
    }

    /**
     * 1 - linear CKA of each candidate layer's output with the previous candidate's (the images for
     * the first), on one batch (RepresentationChangeSelection states the rule). Its own forward
     * pass: the statistics calculator keeps its captures to itself.
     */
    static Map<String, Double> representationChange(Network net, float[] images, int n) {
        List<float[]> activations = net.activations(images, n);
        List<LayerInfo> layers = net.layers();
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            float[] before = i == 0 ? images : activations.get(i - 1);
            out.put(layers.get(i).name(), 1 - LinearCka.of(before, activations.get(i), n));
        }
        return out;
    }

    /**
     * Gradient statistics of a pair from one labelled batch: the first {@code
     * statistics.batch-size} images of the fitting part of the target training split (the batch
     * AdaBet also sees first).
     */
    public static GradientOutcome gradients(SweepConfig config, PretrainedModel model, Pair pair) {
        // Loading is timed apart, as in statistics().
        long start = System.nanoTime();
        double loadMillis = 0;
        try {
            ImageSet train = fitPart(config, pair);
            int n = config.statistics().batchSize();
            int[] order = train.naturalOrder();
            float[] images = train.gather(order, 0, n);
            int[] labels = train.gatherLabels(order, 0, n);
            try (Network net = load(config, model, pair, 0)) {
                loadMillis = (System.nanoTime() - start) / 1e6;
                long computeStart = System.nanoTime();
                List<GradientStatistics> rows = net.gradientStatistics(images, labels, n);
                return new GradientOutcome(
                        pair, rows, (System.nanoTime() - computeStart) / 1e6, null, loadMillis);
            }
        } catch (RuntimeException e) {
            return new GradientOutcome(
                    pair,
                    List.of(),
                    (System.nanoTime() - start) / 1e6 - loadMillis,
                    Failures.describe(e),
                    loadMillis);
        }
    }

    /**
     * Retrains the task's layers on the fitting part of the target's labelled training split,
     * chooses the epoch on its validation part and reports test accuracy at that epoch (and at the
     * last).
     */
    public static RetrainOutcome retrain(
            SweepConfig config, PretrainedModel model, RetrainTask task) {
        try {
            DomainData data = Domains.target(config.seed(), config.data(), task.pair().target());
            ValidationSplit.Parts parts =
                    Domains.trainingParts(
                            config.seed(),
                            config.data(),
                            config.retrain().validationFraction(),
                            task.pair().target());
            try (Network net = load(config, model, task.pair(), task.seed())) {
                double before = Trainer.accuracy(net, data.test());
                TrainingResult result =
                        SelectionMethods.retraining(task.method())
                                        == Retraining.BATCH_NORM_STATISTICS
                                ? BatchNormAdaptation.adapt(
                                        net,
                                        parts.fit(),
                                        parts.validation(),
                                        data.test(),
                                        config.retrain().training().batchSize())
                                : train(config, model, task, net, parts, data.test());
                long trainable =
                        net.layers().stream()
                                .mapToLong(l -> task.spec().trainableParameters(l))
                                .sum();
                long total = net.layers().stream().mapToLong(LayerInfo::parameters).sum();
                return new RetrainOutcome(
                        task,
                        trainable,
                        total,
                        result.testAccuracy(),
                        result.finalAccuracy(),
                        result.validationAccuracy(),
                        result.bestEpoch(),
                        result.epochAccuracy(),
                        result.epochValidationAccuracy(),
                        before,
                        result.wallMillis(),
                        null,
                        result.prefixCached());
            }
        } catch (RuntimeException e) {
            return RetrainOutcome.failed(task, e);
        }
    }

    /** Gradient steps on what the task chose. */
    private static TrainingResult train(
            SweepConfig config,
            PretrainedModel model,
            RetrainTask task,
            Network net,
            ValidationSplit.Parts parts,
            ImageSet test) {
        net.setTrainable(task.spec());
        // Shuffling depends on (pair, seed) only, so every method sees the same batches.
        return Trainer.train(
                net,
                parts.fit(),
                parts.validation(),
                test,
                config.retrain().training(),
                Seeds.derive(
                        config.seed(), "retrain-shuffle|" + task.pair().key() + "|" + task.seed()),
                // Every run of the pair on this executor starts from the same pretrained weights
                // in front of any cut (a new head lies behind every cut).
                PrefixCaching.of(config.retrain().cachesPrefix(), model.key()));
    }

    /** The fitting part of a pair's target training split (the validation part held out). */
    private static ImageSet fitPart(SweepConfig config, Pair pair) {
        return Domains.trainingParts(
                        config.seed(),
                        config.data(),
                        config.retrain().validationFraction(),
                        pair.target())
                .fit();
    }

    /**
     * The pretrained network for a pair. A target with new classes gets a new head, initialised
     * from (pair, seed) only, so all methods start from the same head. Closing it gives it back to
     * the executor's {@link NetworkPool}.
     */
    private static Network load(SweepConfig config, PretrainedModel model, Pair pair, long seed) {
        Architecture arch = SweepPlan.targetArchitecture(config, pair);
        boolean newHead = Domains.newHead(config.data(), pair.target());
        // The executor's pool resets a network it built for an earlier task of this model.
        return NetworkPool.shared()
                .borrow(
                        arch,
                        model.key(),
                        model::networkParameters,
                        newHead,
                        Seeds.derive(config.seed(), "head|" + pair.key() + "|" + seed));
    }
}
