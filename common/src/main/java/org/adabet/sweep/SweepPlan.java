package org.adabet.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigException;
import org.adabet.config.SweepConfig;
import org.adabet.data.TargetDomain;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerInfo;
import org.adabet.selection.LayerBudget;
import org.adabet.selection.SelectionContext;
import org.adabet.selection.SelectionMethod;
import org.adabet.selection.SelectionMethods;
import org.adabet.seed.Seeds;

/**
 * The rows of a sweep: pairs, statistics batches and retraining runs. Building a plan checks
 * everything that can be checked without running anything (architecture and method names,
 * budgets that select no layer, splits too small for the statistics batches), so a bad sweep
 * fails before Spark starts.
 */
public final class SweepPlan {
    private final SweepConfig config;
    private final List<Pair> pairs = new ArrayList<>();

    private SweepPlan(SweepConfig config) {
        this.config = config;
        for (String arch : config.model().architectures()) {
            for (TargetDomain target : config.data().targets()) {
                pairs.add(new Pair(arch, target));
            }
        }
    }

    /** @throws ConfigException naming the key and value that make the sweep impossible */
    public static SweepPlan of(SweepConfig config) {
        for (String arch : config.model().architectures()) {
            if (!Architectures.names().contains(arch)) {
                throw new ConfigException("adabet.model.architectures has unknown architecture '" + arch
                        + "'; known: " + Architectures.names());
            }
            int layers = sourceArchitecture(config, arch).candidates().size();
            for (double rho : config.selection().rhos()) {
                try {
                    LayerBudget.layers(rho, layers);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("adabet." + e.getMessage() + " (architecture " + arch + ")");
                }
            }
        }
        for (String method : config.selection().methods()) {
            if (!SelectionMethods.names().contains(method)) {
                throw new ConfigException("adabet.selection.methods has unknown method '" + method + "'; known: "
                        + SelectionMethods.names());
            }
        }
        int needed = config.statistics().batches() * config.statistics().batchSize();
        int available = config.data().sourceClasses() * config.data().targetTrainPerClass();
        if (available < needed) {
            throw new ConfigException("adabet.statistics needs " + needed + " target training images ("
                    + config.statistics().batches() + " batches x " + config.statistics().batchSize()
                    + ") but adabet.data.target.train-per-class = " + config.data().targetTrainPerClass()
                    + " gives " + available);
        }
        return new SweepPlan(config);
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    /** The architecture as pretrained on the source domain. */
    public static Architecture sourceArchitecture(SweepConfig config, String arch) {
        return Architectures.build(arch, config.model().width(), config.data().imageSize(),
                config.data().sourceClasses());
    }

    /** The architecture as retrained on a pair's target (its head sized for the target's classes). */
    public static Architecture targetArchitecture(SweepConfig config, Pair pair) {
        return sourceArchitecture(config, pair.architecture());
    }

    /** One statistics task per pair x batch; none when no method needs AdaBet's scores. */
    public List<StatisticsTask> statisticsTasks() {
        List<StatisticsTask> tasks = new ArrayList<>();
        if (config.selection().methods().contains("adabet")) {
            for (Pair pair : pairs) {
                for (int b = 0; b < config.statistics().batches(); b++) {
                    tasks.add(new StatisticsTask(pair, b));
                }
            }
        }
        return tasks;
    }

    /**
     * One retraining run per pair x method x budget x seed (one budget for methods that take none).
     *
     * @param layers candidate layers per pair
     * @param scores AdaBet scores per pair (may lack pairs whose statistics failed: their adabet runs are skipped)
     * @param selectionMillis AdaBet's selection time per pair
     */
    public List<RetrainTask> retrainTasks(Map<Pair, List<LayerInfo>> layers, Map<Pair, Map<String, Double>> scores,
            Map<Pair, Double> selectionMillis) {
        List<RetrainTask> tasks = new ArrayList<>();
        for (Pair pair : pairs) {
            for (String name : config.selection().methods()) {
                SelectionMethod method = SelectionMethods.get(name);
                if (name.equals("adabet") && !scores.containsKey(pair)) {
                    continue;
                }
                List<Double> budgets = method.usesBudget() ? config.selection().rhos() : singletonNull();
                for (Double rho : budgets) {
                    for (long seed : config.retrain().seeds()) {
                        long selectionSeed = Seeds.derive(config.seed(),
                                "select|" + pair.key() + "|" + name + "|" + rho + "|" + seed);
                        SelectionContext context = new SelectionContext(layers.get(pair),
                                scores.getOrDefault(pair, Map.of()), rho == null ? 1.0 : rho, selectionSeed);
                        List<String> chosen = SelectionMethods.select(method, context, config.selection().forceHead());
                        double millis = name.equals("adabet") ? selectionMillis.getOrDefault(pair, 0.0) : 0.0;
                        tasks.add(new RetrainTask(pair, name, rho, seed, chosen, millis));
                    }
                }
            }
        }
        return tasks;
    }

    private static List<Double> singletonNull() {
        List<Double> one = new ArrayList<>();
        one.add(null);
        return one;
    }
}
