package org.adabet.jobs;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.adabet.config.SweepConfig;
import org.adabet.config.TrainConfig;
import org.adabet.device.TrainingFlops;
import org.adabet.jobs.stage.Stages;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainCache;
import org.adabet.selection.Retraining;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Domains;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PlanEstimate;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.StepCalibration;
import org.adabet.sweep.StepCosts;
import org.adabet.sweep.SweepPlan;
import org.adabet.sweep.SweepTasks;

/**
 * {@code adabet run --plan}: the sweep's task counts per stage and an estimated wall time, without
 * Spark and without a run folder. Each architecture's costs come from {@link StepCalibration}: the
 * first plan builds each network in this JVM and times a few steps (seconds), cached beside the
 * pretrained models; the datasets are read (or generated) in this JVM for their split sizes.
 */
final class RunPlan {
    private RunPlan() {}

    /** Prints the plan of {@code config} and returns exit status 0. */
    static int print(SweepConfig config, PrintStream out) {
        SweepPlan plan = SweepPlan.of(config);
        Path cacheDir = Path.of(config.pretrainCacheDir());
        int trainBatch = config.retrain().training().batchSize();
        int forwardBatch = config.statistics().batchSize();
        Map<String, StepCosts> costs = new LinkedHashMap<>();
        for (String arch : config.model().architectures()) {
            Architecture a = SweepPlan.sourceArchitecture(config, arch);
            boolean[] measured = new boolean[1];
            StepCosts c = StepCalibration.costs(cacheDir, a, trainBatch, forwardBatch, measured);
            costs.put(arch, c);
            out.printf(
                    java.util.Locale.ROOT,
                    "calibration %s (%s): train step %.1f ms (batch %d), forward %.1f ms and"
                            + " backward %.1f ms (batch %d)%n",
                    arch,
                    measured[0] ? "measured now" : "cached",
                    c.trainStepMillis(),
                    c.trainBatch(),
                    c.forwardMillis(),
                    c.gradientMillis(),
                    c.forwardBatch());
        }
        List<PlanEstimate.Stage> stages = new ArrayList<>();
        for (String name : Stages.names()) {
            stages.add(stage(name, config, plan, costs));
        }
        String master = config.spark().master();
        OptionalInt cores = PlanEstimate.cores(master, Runtime.getRuntime().availableProcessors());
        out.println();
        out.println(
                "Plan of sweep '"
                        + config.name()
                        + "' on "
                        + master
                        + (cores.isPresent()
                                ? " (" + cores.getAsInt() + " cores)"
                                : ": executor cores unknown for this master, times are per core"));
        out.println();
        out.print(PlanEstimate.table(stages, cores));
        out.println();
        out.println(
                "Estimates: retraining steps charged as if every layer trained (an upper bound),"
                        + " oracle steps at their layer's share of the training FLOPs, one"
                        + " evaluation pass per epoch, prefix caching, data loading and persistence"
                        + " ignored; driver-side stages not estimated. Nothing was run.");
        return 0;
    }

    private static PlanEstimate.Stage stage(
            String name, SweepConfig config, SweepPlan plan, Map<String, StepCosts> costs) {
        switch (name) {
            case "plan":
                return new PlanEstimate.Stage(name, plan.pairs().size(), Double.NaN);
            case "pretrain":
                return pretrain(config, costs);
            case "layer_statistics":
                {
                    List<StatisticsTask> tasks = plan.statisticsTasks();
                    double ms =
                            tasks.stream()
                                    .mapToDouble(
                                            t -> costs.get(t.pair().architecture()).forwardMillis())
                                    .sum();
                    return new PlanEstimate.Stage(name, tasks.size(), ms);
                }
            case "gradient_statistics":
                {
                    List<Pair> tasks = plan.gradientTasks();
                    double ms =
                            tasks.stream()
                                    .mapToDouble(p -> costs.get(p.architecture()).gradientMillis())
                                    .sum();
                    return new PlanEstimate.Stage(name, tasks.size(), ms);
                }
            case "retrain":
                return retrain(config, plan, costs);
            case "oracle":
                return oracle(config, plan, costs);
            default:
                return new PlanEstimate.Stage(name, 0, Double.NaN);
        }
    }

    /** One task per architecture without user weights or a cached model: all layers trained. */
    private static PlanEstimate.Stage pretrain(SweepConfig config, Map<String, StepCosts> costs) {
        PretrainCache cache = new PretrainCache(Path.of(config.pretrainCacheDir()));
        TrainConfig t = config.pretrain();
        long tasks = 0;
        double ms = 0;
        for (String arch : config.model().architectures()) {
            if (config.model().weights().containsKey(arch)
                    || Files.isRegularFile(cache.file(SweepTasks.pretrainKey(config, arch)))) {
                continue;
            }
            tasks++;
            int n = Domains.source(config.seed(), config.data()).train().size();
            ms += PlanEstimate.retrainMillis(costs.get(arch), t.epochs(), n, t.batchSize(), 0);
        }
        return new PlanEstimate.Stage("pretrain", tasks, ms);
    }

    private static PlanEstimate.Stage retrain(
            SweepConfig config, SweepPlan plan, Map<String, StepCosts> costs) {
        long tasks = 0;
        double ms = 0;
        for (Pair pair : plan.pairs()) {
            Sizes s = Sizes.of(config, pair);
            StepCosts c = costs.get(pair.architecture());
            for (Map.Entry<String, Integer> e : plan.plannedRetrainRuns(pair).entrySet()) {
                double run =
                        SelectionMethods.retraining(e.getKey()) == Retraining.GRADIENT_STEPS
                                ? s.training(config, c)
                                : PlanEstimate.adaptMillis(c, s.fit(), s.eval());
                tasks += e.getValue();
                ms += e.getValue() * run;
            }
        }
        return new PlanEstimate.Stage("retrain", tasks, ms);
    }

    /**
     * pairs x candidate layers x seeds, when {@code oracle.enabled}; each step charged at the
     * retrained layer's share of the all-layers training FLOPs ({@link TrainingFlops}).
     */
    private static PlanEstimate.Stage oracle(
            SweepConfig config, SweepPlan plan, Map<String, StepCosts> costs) {
        long tasks = 0;
        double ms = 0;
        if (config.oracle()) {
            int seeds = config.retrain().seeds().size();
            for (Pair pair : plan.pairs()) {
                List<LayerInfo> layers = SweepTasks.layers(config, pair);
                double all =
                        TrainingFlops.perSample(
                                layers,
                                TrainableSpec.layers(
                                        layers.stream().map(LayerInfo::name).toList()));
                Sizes s = Sizes.of(config, pair);
                for (LayerInfo layer : layers) {
                    double fraction =
                            TrainingFlops.perSample(
                                            layers, TrainableSpec.layers(List.of(layer.name())))
                                    / all;
                    tasks += seeds;
                    ms += seeds * s.training(config, costs.get(pair.architecture()), fraction);
                }
            }
        }
        return new PlanEstimate.Stage("oracle", tasks, ms);
    }

    /** A pair's split sizes: fitting part, and validation plus test (evaluated each epoch). */
    private record Sizes(int fit, int eval) {
        static Sizes of(SweepConfig config, Pair pair) {
            var parts =
                    Domains.trainingParts(
                            config.seed(),
                            config.data(),
                            config.retrain().validationFraction(),
                            pair.target());
            int test = Domains.target(config.seed(), config.data(), pair.target()).test().size();
            return new Sizes(parts.fit().size(), parts.validation().size() + test);
        }

        double training(SweepConfig config, StepCosts c) {
            return training(config, c, 1);
        }

        double training(SweepConfig config, StepCosts c, double stepFraction) {
            TrainConfig t = config.retrain().training();
            return PlanEstimate.retrainMillis(
                    c, t.epochs(), fit, t.batchSize(), eval, stepFraction);
        }
    }
}
