package org.adabet.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.activation.StatisticsOptions;
import org.adabet.config.ConfigException;
import org.adabet.config.SweepConfig;
import org.adabet.data.ValidationSplit;
import org.adabet.device.TrainingFlops;
import org.adabet.memory.MemoryModel;
import org.adabet.memory.ReferenceMemory;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.seed.Seeds;
import org.adabet.selection.Budget;
import org.adabet.selection.Evidence;
import org.adabet.selection.LayerBudget;
import org.adabet.selection.Retraining;
import org.adabet.selection.SelectionContext;
import org.adabet.selection.SelectionCost;
import org.adabet.selection.SelectionMethod;
import org.adabet.selection.SelectionMethods;

/**
 * The rows of a sweep: pairs, statistics batches, gradient passes, retraining and oracle runs.
 * Building a plan checks everything that can be checked without running anything (architecture and
 * method names, budgets that select no layer, splits too small for the statistics batches), so a
 * bad sweep fails before Spark starts.
 */
public final class SweepPlan {

    private final SweepConfig config;
    private final List<Pair> pairs = new ArrayList<>();

    /** Retraining runs to execute, and those that failed already while choosing their layers. */
    public record Runs(List<RetrainTask> tasks, List<RetrainOutcome> failed) {}

    private SweepPlan(SweepConfig config) {
        this.config = config;
        for (String arch : config.model().architectures()) {
            for (String target : config.data().targets()) {
                pairs.add(new Pair(arch, target));
            }
        }
    }

    /**
     * @throws ConfigException naming the key and value that make the sweep impossible
     */
    public static SweepPlan of(SweepConfig config) {
        for (String method : config.selection().methods()) {
            if (!SelectionMethods.names().contains(method)) {
                throw new ConfigException(
                        "adabet.selection.methods has unknown method '"
                                + method
                                + "'; known: "
                                + SelectionMethods.names());
            }
        }
        for (String arch : config.model().architectures()) {
            if (!Architectures.names().contains(arch)) {
                throw new ConfigException(
                        "adabet.model.architectures has unknown architecture '"
                                + arch
                                + "'; known: "
                                + Architectures.names());
            }
            int layers = sourceArchitecture(config, arch).candidates().size();
            for (double rho : config.selection().rhos()) {
                try {
                    LayerBudget.layers(rho, layers);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(
                            "adabet." + e.getMessage() + " (architecture " + arch + ")");
                }
            }
        }
        checkBatchNorm(config);
        checkFiles(config);
        int needed = config.statistics().batches() * config.statistics().batchSize();
        // The statistics batches come from the fitting part: the validation split is held out.
        int perClass = config.data().targetTrainPerClass();
        int available =
                config.data().sourceClasses()
                        * (perClass
                                - ValidationSplit.heldOut(
                                        perClass, config.retrain().validationFraction()));
        boolean synthetic =
                config.data().targets().stream().anyMatch(t -> config.data().dataset(t) == null);
        if (synthetic && available < needed) {
            throw new ConfigException(
                    "adabet.statistics needs "
                            + needed
                            + " target training images ("
                            + config.statistics().batches()
                            + " batches x "
                            + config.statistics().batchSize()
                            + ") but adabet.data.target.train-per-class = "
                            + config.data().targetTrainPerClass()
                            + " with adabet.retrain.validation-fraction = "
                            + config.retrain().validationFraction()
                            + " gives "
                            + available);
        }
        return new SweepPlan(config);
    }

    /**
     * A method that re-estimates BatchNorm statistics needs BatchNorm layers to adapt: a sweep in
     * which no architecture has one is refused; in a mixed sweep the pairs without are recorded as
     * failed selections of that method (its {@code select} says why).
     */
    private static void checkBatchNorm(SweepConfig config) {
        boolean anyBatchNorm =
                config.model().architectures().stream()
                        .flatMap(a -> sourceArchitecture(config, a).candidates().stream())
                        .anyMatch(l -> l.kind() == org.adabet.model.LayerSpec.Kind.BATCH_NORM);
        for (String method : config.selection().methods()) {
            if (!anyBatchNorm
                    && SelectionMethods.get(method).retraining()
                            == Retraining.BATCH_NORM_STATISTICS) {
                throw new ConfigException(
                        "adabet.selection.methods has '"
                                + method
                                + "', which re-estimates BatchNorm statistics, but no architecture"
                                + " in adabet.model.architectures "
                                + config.model().architectures()
                                + " has a BatchNorm layer");
            }
        }
    }

    /** Weights and datasets named by the sweep must exist before anything starts. */
    private static void checkFiles(SweepConfig config) {
        config.model()
                .weights()
                .forEach(
                        (arch, file) -> {
                            if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
                                throw new ConfigException(
                                        "adabet.model.weights."
                                                + arch
                                                + ": no such file '"
                                                + file
                                                + "'");
                            }
                        });
        for (String t : config.data().targets()) {
            org.adabet.config.DatasetConfig d = config.data().dataset(t);
            if (d != null && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(d.path()))) {
                throw new ConfigException(
                        "adabet.data.datasets["
                                + d.name()
                                + "].path: no such folder '"
                                + d.path()
                                + "'");
            }
        }
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    /** The architecture as pretrained on the source domain. */
    public static Architecture sourceArchitecture(SweepConfig config, String arch) {
        return Architectures.build(
                arch,
                config.model().width(),
                config.data().imageSize(),
                config.data().sourceClasses());
    }

    /**
     * The architecture as retrained on a pair's target (its head sized for the target's classes).
     */
    public static Architecture targetArchitecture(SweepConfig config, Pair pair) {
        return Architectures.build(
                pair.architecture(),
                config.model().width(),
                config.data().imageSize(),
                Domains.numClasses(config.data(), pair.target()));
    }

    /** What the statistics pass computes for this sweep. */
    public static StatisticsOptions statisticsOptions(SweepConfig config) {
        return new StatisticsOptions(
                config.statistics().maxDimension(),
                config.selection().persistenceThreshold(),
                requiredBy(config, Evidence.CHANNEL_STATISTICS));
    }

    /**
     * One statistics task per pair x draw x batch ({@code statistics.batch-draws} draws, draw 0
     * first); none when no method (and no oracle) reads AdaBet's scores.
     */
    public List<StatisticsTask> statisticsTasks() {
        List<StatisticsTask> tasks = new ArrayList<>();
        if (config.oracle()
                || requiredBy(config, Evidence.LAYER_STATISTICS)
                || requiredBy(config, Evidence.REPRESENTATION_CHANGE)) {
            for (int d = 0; d < config.statistics().batchDraws(); d++) {
                for (Pair pair : pairs) {
                    for (int b = 0; b < config.statistics().batches(); b++) {
                        tasks.add(new StatisticsTask(pair, b, d));
                    }
                }
            }
        }
        return tasks;
    }

    /**
     * Pairs that need one labelled backward pass (for fisher, rgn, elastic, or the oracle's
     * comparison).
     */
    public List<Pair> gradientTasks() {
        boolean needed = config.oracle() || requiredBy(config, Evidence.GRADIENTS);
        return needed ? pairs() : List.of();
    }

    /**
     * Whether any configured method reads this evidence (the oracle's comparison needs all of it).
     */
    static boolean requiredBy(SweepConfig config, Evidence evidence) {
        return config.selection().methods().stream()
                .anyMatch(m -> SelectionMethods.get(m).requires().contains(evidence));
    }

    /** The memory model of retraining runs (their batch size and the frozen bit width). */
    public MemoryModel memoryModel() {
        return new MemoryModel(config.retrain().training().batchSize(), config.frozenBits());
    }

    /**
     * One retraining run per pair x method x budget x seed (once per seed for methods without a
     * budget; {@code selection.random-draws} per budget and seed for a drawn method). A method that
     * cannot choose (its evidence failed, nothing fits the budget) becomes a failed outcome here;
     * the others run.
     */
    public Runs retrainTasks(
            Map<Pair, List<LayerInfo>> layers, Map<Pair, PairSelectionInputs> inputs) {
        return retrainTasks(layers, inputs, trainSizes());
    }

    /**
     * As {@link #retrainTasks(Map, Map)}, with each pair's training-split size as the {@code
     * layers} table recorded it (so the driver reads no dataset).
     */
    public Runs retrainTasks(
            Map<Pair, List<LayerInfo>> layers,
            Map<Pair, PairSelectionInputs> inputs,
            Map<Pair, Integer> trainSizes) {
        List<RetrainTask> tasks = new ArrayList<>();
        List<RetrainOutcome> failed = new ArrayList<>();
        for (Pair pair : pairs) {
            PairSelectionInputs in = inputs.get(pair);
            for (String name : methods(pair)) {
                SelectionMethod method = SelectionMethods.get(name);
                int draws = method.drawn() ? config.selection().randomDraws() : 1;
                for (Budget budget : budgets(method)) {
                    for (long seed : config.retrain().seeds()) {
                        for (int draw = 0; draw < draws; draw++) {
                            SelectionContext context =
                                    new SelectionContext(
                                            layers.get(pair),
                                            in.evidence(),
                                            budget,
                                            Seeds.derive(
                                                    config.seed(),
                                                    "select|"
                                                            + pair.key()
                                                            + "|"
                                                            // A variant draws as its method does:
                                                            // the two differ by the head alone.
                                                            + SelectionMethods.baseName(name)
                                                            + "|"
                                                            + (budget == null
                                                                    ? "-"
                                                                    : budget.label())
                                                            + "|"
                                                            + seed
                                                            + (draw == 0 ? "" : "|draw=" + draw)),
                                            memoryModel(),
                                            config.selection().channelFraction());
                            TrainableSpec spec;
                            String error = null;
                            try {
                                spec =
                                        SelectionMethods.select(
                                                method, context, config.selection().forceHead());
                                if (spec.isEmpty()
                                        && method.retraining() == Retraining.GRADIENT_STEPS) {
                                    error =
                                            "nothing to train: "
                                                    + (budget == null
                                                            ? "empty selection"
                                                            : "budget "
                                                                    + budget.label()
                                                                    + " fits no layer");
                                }
                            } catch (IllegalArgumentException e) {
                                spec = TrainableSpec.layers(List.of());
                                error = Failures.describe(e) + failureCause(method, in);
                            }
                            RetrainTask task =
                                    task(
                                            pair,
                                            name,
                                            budget,
                                            seed,
                                            spec,
                                            layers.get(pair),
                                            method.cost(config.statistics().batches()),
                                            selectionMillis(method, in),
                                            loadMillis(method, in),
                                            selectionPeak(method, layers.get(pair)),
                                            draw,
                                            trainSizes.get(pair));
                            if (error == null) {
                                tasks.add(task);
                            } else {
                                failed.add(RetrainOutcome.failed(task, error));
                            }
                        }
                    }
                }
            }
        }
        return new Runs(tasks, failed);
    }

    /**
     * The methods run on a pair: the configured ones, each budgeted one followed by its {@code
     * +head} variant when {@code selection.head-forced-variants} is set and the pair's target has a
     * new head.
     */
    List<String> methods(Pair pair) {
        List<String> out = new ArrayList<>();
        boolean variants =
                config.selection().headForcedVariants()
                        && Domains.newHead(config.data(), pair.target());
        for (String name : config.selection().methods()) {
            out.add(name);
            if (variants && SelectionMethods.get(name).usesBudget()) {
                out.add(SelectionMethods.headForcedName(name));
            }
        }
        return out;
    }

    /**
     * How many retraining runs each method of {@link #methods(Pair)} is planned to make on a pair,
     * counted as {@link #retrainTasks} enumerates them (budgets x seeds x draws), before any
     * selection: a run that later cannot choose its layers still counts. For {@code run --plan}.
     */
    public Map<String, Integer> plannedRetrainRuns(Pair pair) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String name : methods(pair)) {
            SelectionMethod method = SelectionMethods.get(name);
            int draws = method.drawn() ? config.selection().randomDraws() : 1;
            out.put(name, budgets(method).size() * config.retrain().seeds().size() * draws);
        }
        return out;
    }

    /** Oracle runs: every candidate layer retrained alone, once per seed. */
    public List<RetrainTask> oracleTasks(Map<Pair, List<LayerInfo>> layers) {
        return oracleTasks(layers, trainSizes());
    }

    /** As {@link #oracleTasks(Map)}, with each pair's training-split size given. */
    public List<RetrainTask> oracleTasks(
            Map<Pair, List<LayerInfo>> layers, Map<Pair, Integer> trainSizes) {
        List<RetrainTask> tasks = new ArrayList<>();
        if (!config.oracle()) {
            return tasks;
        }
        for (Pair pair : pairs) {
            for (LayerInfo layer : layers.get(pair)) {
                for (long seed : config.retrain().seeds()) {
                    tasks.add(
                            task(
                                    pair,
                                    "oracle",
                                    null,
                                    seed,
                                    TrainableSpec.layers(List.of(layer.name())),
                                    layers.get(pair),
                                    SelectionCost.NOTHING,
                                    0,
                                    0,
                                    0,
                                    0,
                                    trainSizes.get(pair)));
                }
            }
        }
        return tasks;
    }

    /**
     * A retraining run of {@code spec} with its analytic costs (memory by our model and by the
     * reference's rule, training FLOPs); a selection read back from the {@code selections} table
     * becomes its task again through this.
     *
     * @param draw which draw of a drawn method (random), 0 otherwise
     * @param trainSize images in the pair's training split
     */
    public RetrainTask task(
            Pair pair,
            String method,
            Budget budget,
            long seed,
            TrainableSpec spec,
            List<LayerInfo> layers,
            SelectionCost cost,
            double millis,
            double loadMillis,
            long peak,
            int draw,
            int trainSize) {
        MemoryModel memory = memoryModel();
        int batch = config.retrain().training().batchSize();
        // Re-estimating BatchNorm statistics is one forward pass over the training batches.
        int epochs =
                SelectionMethods.retraining(method) == Retraining.GRADIENT_STEPS
                        ? config.retrain().training().epochs()
                        : 1;
        long steps = (long) epochs * (trainSize / Math.min(batch, trainSize));
        double flops =
                (double) TrainingFlops.perSample(layers, spec) * Math.min(batch, trainSize) * steps;
        return new RetrainTask(
                pair,
                method,
                budget,
                seed,
                spec,
                spec.touched(layers),
                cost,
                millis,
                peak,
                memory.training(layers, spec),
                referenceMemory(pair, layers, spec),
                flops,
                draw,
                loadMillis);
    }

    /** The reference's own memory rule on its profiling batch, reported beside ours. */
    private long referenceMemory(Pair pair, List<LayerInfo> layers, TrainableSpec spec) {
        ReferenceMemory rule = new ReferenceMemory(config.profilingBatch());
        return rule.bytes(
                ReferenceMemory.layers(
                        layers, targetArchitecture(config, pair).candidates(), spec));
    }

    /** Every pair's training-split size, read here (tests and tools; the sweep reads none). */
    private Map<Pair, Integer> trainSizes() {
        Map<Pair, Integer> sizes = new java.util.LinkedHashMap<>();
        pairs.forEach(p -> sizes.put(p, trainSize(config, p)));
        return sizes;
    }

    /**
     * Images retraining trains on: the fitting part of a pair's target training split (read or
     * generated in this JVM once, cached; the synthetic suite's label shift skews the class counts,
     * so the part's size is not a formula of the settings).
     */
    public static int trainSize(SweepConfig config, Pair pair) {
        return Domains.trainingParts(
                        config.seed(),
                        config.data(),
                        config.retrain().validationFraction(),
                        pair.target())
                .fit()
                .size();
    }

    /** The budgets a method runs at: null alone for a method without one. */
    List<Budget> budgets(SelectionMethod method) {
        List<Budget> out = new ArrayList<>();
        if (!method.usesBudget()) {
            out.add(null);
            return out;
        }
        config.selection().rhos().forEach(r -> out.add(Budget.ofRho(r)));
        config.selection().memoryBudgets().forEach(m -> out.add(Budget.ofMemory(m)));
        return out;
    }

    private static double selectionMillis(SelectionMethod method, PairSelectionInputs in) {
        Set<Evidence> needs = method.requires();
        return (needs.contains(Evidence.LAYER_STATISTICS) ? in.statisticsMillis() : 0)
                + (needs.contains(Evidence.CHANNEL_STATISTICS) ? in.channelMillis() : 0)
                + (needs.contains(Evidence.GRADIENTS) ? in.gradientMillis() : 0)
                + (needs.contains(Evidence.REPRESENTATION_CHANGE) ? in.representationMillis() : 0);
    }

    /**
     * What the method's evidence tasks spent loading data and networks; the statistics tasks are
     * counted once, however many kinds of evidence they produced.
     */
    private static double loadMillis(SelectionMethod method, PairSelectionInputs in) {
        Set<Evidence> needs = method.requires();
        boolean statistics =
                needs.contains(Evidence.LAYER_STATISTICS)
                        || needs.contains(Evidence.CHANNEL_STATISTICS)
                        || needs.contains(Evidence.REPRESENTATION_CHANGE);
        return (statistics ? in.statisticsLoadMillis() : 0)
                + (needs.contains(Evidence.GRADIENTS) ? in.gradientLoadMillis() : 0);
    }

    private long selectionPeak(SelectionMethod method, List<LayerInfo> layers) {
        int batch = config.statistics().batchSize();
        long peak = 0;
        if (method.requires().contains(Evidence.LAYER_STATISTICS)) {
            peak = Math.max(peak, memoryModel().forwardSelection(layers, batch));
        }
        if (method.requires().contains(Evidence.GRADIENTS)) {
            peak = Math.max(peak, memoryModel().backwardSelection(layers, batch));
        }
        return peak;
    }

    private static String failureCause(SelectionMethod method, PairSelectionInputs in) {
        String cause =
                method.requires().contains(Evidence.LAYER_STATISTICS)
                        ? in.statisticsError()
                        : method.requires().contains(Evidence.GRADIENTS)
                                ? in.gradientError()
                                : null;
        return cause == null ? "" : " (" + cause + ")";
    }
}
