package org.adabet.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.SweepConfig;
import org.adabet.config.TrainConfig;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.PrefixCut;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainCache;
import org.adabet.seed.Seeds;
import org.adabet.selection.Budget;
import org.adabet.selection.PairEvidence;
import org.adabet.selection.Retraining;
import org.adabet.selection.SelectionContext;
import org.adabet.selection.SelectionMethod;
import org.adabet.selection.SelectionMethods;

/**
 * The training stages of {@code run --plan}: pretrain, retrain and oracle, their task counts and
 * summed core time from calibrated {@link StepCosts}, charged run by run with {@link TrainingCost}.
 *
 * <p>What a retraining run is charged for, before any selection is known:
 *
 * <ul>
 *   <li>a method without a budget that looks at nothing ({@code full}, {@code last_layer}, {@code
 *       bn_bias}, {@code tinytl_bias}): its own choice, made now on the pair's layers;
 *   <li>a budgeted method (every rho and memory budget, its {@code +head} variant alike): the mean
 *       over {@value #DRAWS} seeded draws of {@code random} at the same budget (the selection of a
 *       method that knows nothing of the target; the head rule applied as configured). A method
 *       that prefers late layers costs less than this, one that prefers early layers more;
 *   <li>any other method without a budget: every layer (an upper bound); a BatchNorm re-estimation
 *       run: one inference pass over the fitting and evaluation images.
 * </ul>
 *
 * With {@code retrain.prefix-cache} on, a run trains behind the cut its touched layers allow
 * ({@link PrefixCut#frozenLayers}); the prefix outputs are computed once per pair and cut position
 * (the runs of a pair share them in one JVM), all of a pair's positions charged to the first
 * training stage that runs (the oracle's one-layer runs use every position).
 */
public final class PlanCosts {
    /** Draws of {@code random} a budgeted run's charge is the mean of. */
    public static final int DRAWS = 32;

    private final SweepConfig config;
    private final SweepPlan plan;
    private final Map<String, StepCosts> costs;

    /** The draws of {@code random} charged to budgeted runs, by pair, variant and budget. */
    private final Map<String, List<TrainableSpec>> draws = new HashMap<>();

    public PlanCosts(SweepConfig config, SweepPlan plan, Map<String, StepCosts> costs) {
        this.config = config;
        this.plan = plan;
        this.costs = Map.copyOf(costs);
    }

    /** One task per architecture without user weights or a cached model: every layer trained. */
    public PlanEstimate.Stage pretrain() {
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
            var source = Domains.source(config.seed(), config.data());
            ms +=
                    TrainingCost.wholeNetworkMillis(
                            costs.get(arch),
                            new TrainingCost.Schedule(
                                    t.epochs(),
                                    source.train().size(),
                                    t.batchSize(),
                                    source.test().size()));
        }
        return new PlanEstimate.Stage("pretrain", tasks, ms);
    }

    /** The planned retraining runs, and the prefix passes of every pair when they run. */
    public PlanEstimate.Stage retrain() {
        long tasks = 0;
        double ms = 0;
        for (Pair pair : plan.pairs()) {
            Map<String, Integer> runs = plan.plannedRetrainRuns(pair);
            PairCosts p = pair(pair);
            for (String method : runs.keySet()) {
                SelectionMethod m = SelectionMethods.get(method);
                List<Budget> budgets = plan.budgets(m);
                int perBudget = runs.get(method) / budgets.size();
                for (Budget budget : budgets) {
                    ms +=
                            perBudget
                                    * p.meanMillis(
                                            m.retraining(),
                                            charged(pair, p.layers, method, budget));
                }
                tasks += runs.get(method);
            }
            if (runs.values().stream().mapToInt(Integer::intValue).sum() > 0) {
                ms += p.prefixPasses();
            }
        }
        return new PlanEstimate.Stage("retrain", tasks, ms);
    }

    /** pairs x candidate layers x seeds, when {@code oracle.enabled}; each layer trained alone. */
    public PlanEstimate.Stage oracle() {
        long tasks = 0;
        double ms = 0;
        if (!config.oracle()) {
            return new PlanEstimate.Stage("oracle", 0, 0);
        }
        int seeds = config.retrain().seeds().size();
        for (Pair pair : plan.pairs()) {
            PairCosts p = pair(pair);
            for (LayerInfo layer : p.layers) {
                tasks += seeds;
                ms +=
                        seeds
                                * p.meanMillis(
                                        Retraining.GRADIENT_STEPS,
                                        List.of(TrainableSpec.layers(List.of(layer.name()))));
            }
            boolean retrainRan =
                    plan.plannedRetrainRuns(pair).values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum()
                            > 0;
            if (!retrainRan) {
                ms += p.prefixPasses();
            }
        }
        return new PlanEstimate.Stage("oracle", tasks, ms);
    }

    /**
     * The selections a run of {@code method} at {@code budget} is charged as (their mean): see the
     * class comment. An empty one (nothing fits) costs nothing, and so does a selection that fails
     * (none is returned).
     */
    List<TrainableSpec> charged(Pair pair, List<LayerInfo> layers, String method, Budget budget) {
        SelectionMethod m = SelectionMethods.get(method);
        boolean forceHead = config.selection().forceHead();
        if (!m.usesBudget()) {
            if (!m.requires().isEmpty()) {
                return List.of(TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList()));
            }
            try {
                return List.of(SelectionMethods.select(m, context(layers, null, 0), forceHead));
            } catch (IllegalArgumentException e) {
                // The sweep records such a selection as a failed run that trains nothing
                // (bn_stats on a network without BatchNorm).
                return List.of();
            }
        }
        SelectionMethod random =
                SelectionMethods.get(
                        method.endsWith(SelectionMethods.HEAD_FORCED_SUFFIX)
                                ? SelectionMethods.headForcedName("random")
                                : "random");
        // Every budgeted method of a pair and budget is charged the same draws: made once.
        return draws.computeIfAbsent(
                pair.key() + "|" + random.name() + "|" + budget.label(),
                k -> randomDraws(pair, layers, random, budget, forceHead));
    }

    private List<TrainableSpec> randomDraws(
            Pair pair,
            List<LayerInfo> layers,
            SelectionMethod random,
            Budget budget,
            boolean forceHead) {
        List<TrainableSpec> out = new ArrayList<>();
        for (int i = 0; i < DRAWS; i++) {
            long seed =
                    Seeds.derive(
                            config.seed(), "plan|" + pair.key() + "|" + budget.label() + "|" + i);
            try {
                out.add(SelectionMethods.select(random, context(layers, budget, seed), forceHead));
            } catch (IllegalArgumentException e) {
                out.add(TrainableSpec.layers(List.of()));
            }
        }
        return out;
    }

    private SelectionContext context(List<LayerInfo> layers, Budget budget, long seed) {
        return new SelectionContext(
                layers,
                PairEvidence.NONE,
                budget,
                seed,
                plan.memoryModel(),
                config.selection().channelFraction());
    }

    private PairCosts pair(Pair pair) {
        var parts =
                Domains.trainingParts(
                        config.seed(),
                        config.data(),
                        config.retrain().validationFraction(),
                        pair.target());
        int test = Domains.target(config.seed(), config.data(), pair.target()).test().size();
        TrainConfig t = config.retrain().training();
        return new PairCosts(
                SweepPlan.targetArchitecture(config, pair),
                SweepTasks.layers(config, pair),
                costs.get(pair.architecture()),
                new TrainingCost.Schedule(
                        t.epochs(),
                        parts.fit().size(),
                        t.batchSize(),
                        parts.validation().size() + test),
                config.retrain().cachesPrefix());
    }

    /** One pair's network, costs and schedule. */
    private record PairCosts(
            Architecture architecture,
            List<LayerInfo> layers,
            StepCosts costs,
            TrainingCost.Schedule schedule,
            boolean cachesPrefix) {

        /** The mean cost of a run over {@code specs}. */
        double meanMillis(Retraining retraining, List<TrainableSpec> specs) {
            double sum = 0;
            for (TrainableSpec spec : specs) {
                if (retraining == Retraining.BATCH_NORM_STATISTICS) {
                    sum += TrainingCost.adaptMillis(costs, schedule.fit() + schedule.evalImages());
                } else if (!spec.isEmpty()) {
                    sum += TrainingCost.runMillis(costs, layers, spec, frozen(spec), schedule);
                }
            }
            return specs.isEmpty() ? 0 : sum / specs.size();
        }

        int frozen(TrainableSpec spec) {
            return TrainingCost.frozen(architecture, spec, cachesPrefix);
        }

        /** Every cut position's prefix outputs, once, for the fitting and evaluation images. */
        double prefixPasses() {
            return cachesPrefix
                    ? TrainingCost.allPrefixPassesMillis(costs, architecture, layers, schedule)
                    : 0;
        }
    }
}
