package org.adabet.jobs;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.adabet.config.SweepConfig;
import org.adabet.jobs.stage.Stages;
import org.adabet.model.Architecture;
import org.adabet.sweep.Pair;
import org.adabet.sweep.PlanCosts;
import org.adabet.sweep.PlanEstimate;
import org.adabet.sweep.StatisticsTask;
import org.adabet.sweep.StepCalibration;
import org.adabet.sweep.StepCosts;
import org.adabet.sweep.SweepPlan;

/**
 * {@code adabet run --plan}: the sweep's task counts per stage and an estimated wall time, without
 * Spark and without a run folder. Each architecture's costs come from {@link StepCalibration}: the
 * first plan builds each network in this JVM and times a few steps (seconds), cached beside the
 * pretrained models; the datasets are read (or generated) in this JVM for their split sizes.
 */
final class RunPlan {
    /** Printed under the table: the rule the estimates follow (README, "Know the cost first"). */
    static final String FOOTNOTE =
            "Estimates: a run's steps are charged its share of the calibrated all-layers step's"
                    + " FLOPs (forward and backward from its frozen-prefix cut, backward to its"
                    + " earliest trained layer), its evaluations the suffix's share of an inference"
                    + " pass; prefix outputs once per pair and cut. Budgeted methods are charged"
                    + " as the mean of "
                    + PlanCosts.DRAWS
                    + " draws of random at the same budget (a method preferring late layers costs"
                    + " less, one preferring early layers more); full, last_layer, bn_bias and"
                    + " tinytl_bias as their own choice. Data loading, per-step overheads and"
                    + " persistence are ignored; driver-side stages not estimated. Nothing was run.";

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
                            + " backward %.1f ms (batch %d), inference %.1f ms (batch %d)%n",
                    arch,
                    measured[0] ? "measured now" : "cached",
                    c.trainStepMillis(),
                    c.trainBatch(),
                    c.forwardMillis(),
                    c.gradientMillis(),
                    c.forwardBatch(),
                    c.predictMillis(),
                    c.predictBatch());
        }
        PlanCosts training = new PlanCosts(config, plan, costs);
        List<PlanEstimate.Stage> stages = new ArrayList<>();
        for (String name : Stages.names()) {
            stages.add(stage(name, plan, costs, training));
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
        out.println(FOOTNOTE);
        return 0;
    }

    private static PlanEstimate.Stage stage(
            String name, SweepPlan plan, Map<String, StepCosts> costs, PlanCosts training) {
        switch (name) {
            case "plan":
                return new PlanEstimate.Stage(name, plan.pairs().size(), Double.NaN);
            case "pretrain":
                return training.pretrain();
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
                return training.retrain();
            case "oracle":
                return training.oracle();
            default:
                return new PlanEstimate.Stage(name, 0, Double.NaN);
        }
    }
}
