package org.adabet.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.adabet.config.TrainConfig;
import org.adabet.data.ImageSet;
import org.adabet.device.TrainingFlops;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.model.TrainableSpec;
import org.adabet.retrain.PrefixCache;
import org.adabet.retrain.PrefixCaching;
import org.adabet.retrain.Trainer;
import org.adabet.retrain.TrainingResult;
import org.adabet.sweep.StepCalibration;
import org.adabet.sweep.StepCosts;
import org.adabet.sweep.TrainingCost;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The oracle arm of {@code adabet bench scale}: a sweep's oracle stage for one pair of each
 * architecture ({@code convnet_s} and {@code resnet8} at width 16, 32x32 images): every candidate
 * layer retrained alone from the same weights on the same images (240 fitting, 60 validation, 500
 * test, 8 epochs, batch 32, one seed), one Spark partition per run, costliest first, as one job
 * with the frozen-prefix cache off and one with it on (a fresh cache per job, so the first run of
 * every cut computes its prefix outputs, as in a sweep).
 */
final class OracleBench {
    static final TrainConfig TRAINING = new TrainConfig("bench.oracle", 8, 32, 0.01, 0.9, 5e-4);
    static final List<String> ARCHITECTURES =
            List.of(Architectures.CONVNET_S, Architectures.RESNET8);
    private static final int FIT = 240;
    private static final int VALIDATION = 60;
    private static final int TEST = 500;

    /** Each job's cache, by the job's tag; dropped when the job ends. */
    private static final Map<String, PrefixCache> CACHES = new ConcurrentHashMap<>();

    private static final Map<String, List<LayerInfo>> LAYERS = new ConcurrentHashMap<>();

    /** Fitting, validation and test images by architecture index, made once per JVM. */
    private static final Map<Integer, ImageSet[]> SPLITS = new ConcurrentHashMap<>();

    /**
     * One job's outcome.
     *
     * @param results per run, in {@link #runs()} order: its final loss, then its per-epoch
     *     validation and test accuracies
     */
    record Job(double millis, double busyCores, List<List<Double>> results, int cachedRuns) {}

    private OracleBench() {}

    /** Run ids: architecture index x 1000 + candidate layer index, costliest first. */
    static List<Integer> runs() {
        List<Integer> ids = new ArrayList<>();
        for (int a = 0; a < ARCHITECTURES.size(); a++) {
            for (int l = 0; l < layers(ARCHITECTURES.get(a)).size(); l++) {
                ids.add(a * 1000 + l);
            }
        }
        ids.sort(Comparator.comparingDouble(OracleBench::trainingFlops).reversed());
        return ids;
    }

    /** Runs every oracle run as one job on {@code local[cores]}, the cache on or off. */
    static Job job(int cores, boolean cached, String tag) {
        SparkSession spark = LocalSpark.session("adabet-bench-oracle", "local[" + cores + "]");
        if (cached) {
            CACHES.put(tag, new PrefixCache(PrefixCache.shared().maxBytes()));
        }
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<Integer> ids = runs();
            // Images made before the clock starts, as a sweep's executor holds its pair's data.
            for (int a = 0; a < ARCHITECTURES.size(); a++) {
                splits(a);
            }
            long cpu = ScaleBenchMain.processCpuNanos();
            long start = System.nanoTime();
            List<double[]> done =
                    jsc.parallelize(ids, ids.size()).map(id -> run(id, cached, tag)).collect();
            double ms = (System.nanoTime() - start) / 1e6;
            double busy = (ScaleBenchMain.processCpuNanos() - cpu) / 1e6 / ms;
            List<List<Double>> results = new ArrayList<>();
            int fromCache = 0;
            for (double[] r : done) {
                List<Double> values = new ArrayList<>();
                for (int i = 1; i < r.length; i++) {
                    values.add(r[i]);
                }
                results.add(values);
                fromCache += (int) r[0];
            }
            return new Job(ms, busy, results, fromCache);
        } finally {
            CACHES.remove(tag);
            spark.stop();
        }
    }

    /**
     * One oracle run: {1 when it trained from the cache, else 0, its final loss, then the per-epoch
     * validation and test accuracies}.
     */
    static double[] run(int id, boolean cached, String tag) {
        String name = ARCHITECTURES.get(id / 1000);
        Architecture arch = architecture(name);
        String layer = layers(name).get(id % 1000).name();
        ImageSet[] splits = splits(id / 1000);
        ImageSet fit = splits[0];
        ImageSet validation = splits[1];
        ImageSet test = splits[2];
        PrefixCaching caching =
                cached ? new PrefixCaching(CACHES.get(tag), "bench-" + name) : PrefixCaching.OFF;
        try (Network net = Networks.create(arch, 0)) {
            net.setTrainable(List.of(layer));
            TrainingResult r = Trainer.train(net, fit, validation, test, TRAINING, id, caching);
            double[] out = new double[2 + 2 * TRAINING.epochs()];
            out[0] = r.prefixCached() ? 1 : 0;
            out[1] = r.finalLoss();
            for (int e = 0; e < TRAINING.epochs(); e++) {
                out[2 + e] = r.epochValidationAccuracy().get(e);
                out[2 + TRAINING.epochs() + e] = r.epochAccuracy().get(e);
            }
            return out;
        }
    }

    /**
     * What {@code run --plan}'s cost model predicts for these runs, ms on one core, split by where
     * the time goes.
     *
     * @param offSteps training steps with the cache off (whole network)
     * @param offEvaluations the per-epoch validation and test passes with the cache off
     * @param onSteps training steps from the cut
     * @param onEvaluations evaluations of the suffix
     * @param onPrefix the prefix outputs, once per cut and image
     */
    record Model(
            double offSteps,
            double offEvaluations,
            double onSteps,
            double onEvaluations,
            double onPrefix) {
        double off() {
            return offSteps + offEvaluations;
        }

        double on() {
            return onSteps + onEvaluations + onPrefix;
        }
    }

    /**
     * {@link Model} from {@link TrainingCost} with a calibration of each architecture's step and
     * inference pass measured now.
     */
    static Model model() {
        TrainingCost.Schedule all =
                new TrainingCost.Schedule(
                        TRAINING.epochs(), FIT, TRAINING.batchSize(), VALIDATION + TEST);
        TrainingCost.Schedule steps =
                new TrainingCost.Schedule(TRAINING.epochs(), FIT, TRAINING.batchSize(), 0);
        double[] m = new double[5];
        for (String name : ARCHITECTURES) {
            Architecture arch = architecture(name);
            List<LayerInfo> layers = layers(name);
            StepCosts c = StepCalibration.measure(arch, TRAINING.batchSize(), Trainer.EVAL_BATCH);
            for (LayerInfo l : layers) {
                TrainableSpec spec = TrainableSpec.layers(List.of(l.name()));
                int frozen = TrainingCost.frozen(arch, spec, true);
                double offSteps = TrainingCost.runMillis(c, layers, spec, 0, steps);
                double onSteps = TrainingCost.runMillis(c, layers, spec, frozen, steps);
                m[0] += offSteps;
                m[1] += TrainingCost.runMillis(c, layers, spec, 0, all) - offSteps;
                m[2] += onSteps;
                m[3] += TrainingCost.runMillis(c, layers, spec, frozen, all) - onSteps;
            }
            m[4] += TrainingCost.allPrefixPassesMillis(c, arch, layers, all);
        }
        return new Model(m[0], m[1], m[2], m[3], m[4]);
    }

    private static double trainingFlops(int id) {
        List<LayerInfo> layers = layers(ARCHITECTURES.get(id / 1000));
        return TrainingFlops.perSample(
                layers, TrainableSpec.layers(List.of(layers.get(id % 1000).name())));
    }

    /** The same images for every run of an architecture, as the runs of one pair share them. */
    private static ImageSet[] splits(int architecture) {
        return SPLITS.computeIfAbsent(
                architecture,
                a -> {
                    SplittableRandom rng = new SplittableRandom(a + 1L);
                    return new ImageSet[] {
                        BenchInputs.gaussianImages("oracle-fit", FIT, rng),
                        BenchInputs.gaussianImages("oracle-validation", VALIDATION, rng),
                        BenchInputs.gaussianImages("oracle-test", TEST, rng)
                    };
                });
    }

    private static Architecture architecture(String name) {
        return Architectures.build(name, 16, 32, 10);
    }

    private static List<LayerInfo> layers(String name) {
        return LAYERS.computeIfAbsent(
                name,
                n -> {
                    try (Network net = Networks.create(architecture(n), 0)) {
                        return List.copyOf(net.layers());
                    }
                });
    }
}
