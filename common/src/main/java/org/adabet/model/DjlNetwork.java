package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Network} on DJL's PyTorch engine. The forward pass walks the architecture's {@link Module}
 * tree (DJL has no forward hooks), which gives every candidate layer's output in one pass with
 * residual connections intact and lets frozen BatchNorm layers run in inference mode while the
 * trainable ones train. Parameters are plain arrays named by their torchvision {@code state_dict}
 * key.
 */
final class DjlNetwork implements Network {
    private final Architecture architecture;
    private final NDManager manager;
    private final DjlParameters parameters;
    private final DjlGraph graph;
    private final List<LayerInfo> layers = new ArrayList<>();

    /** Per candidate layer: its output shape for one sample. */
    private final List<long[]> outputShapes = new ArrayList<>();

    private final SoftmaxCrossEntropyLoss loss = new SoftmaxCrossEntropyLoss("loss");
    private final Map<String, NDArray> momentum = new HashMap<>();
    private final List<TrainableParameter> trainable = new ArrayList<>();
    private Set<String> trainingLayers = Set.of();

    /**
     * Set only for the duration of a {@code *From} call: {@link #input} then reads prefix outputs
     * of this cut and {@link #forward} runs its suffix, so trainStep and predict serve both paths
     * unchanged.
     */
    private PrefixCut from;

    /** Set from a backward pass until its gradients are read and zeroed. */
    private boolean unfinishedStep;

    /** Set while a {@link NetworkPool} lends this network out: closing gives it back. */
    private NetworkPool lender;

    /** A parameter that trains, with its channel mask (null: every channel). */
    private record TrainableParameter(String key, NDArray parameter, NDArray mask) {}

    /** BatchNorm statistics of a channel-masked layer: masked channels must keep theirs too. */
    private final List<TrainableParameter> maskedStatistics = new ArrayList<>();

    DjlNetwork(Architecture architecture, long initSeed) {
        this.architecture = architecture;
        this.manager = DjlRuntime.engine().newBaseManager();
        List<ModuleWalk.Candidate> walk = ModuleWalk.candidates(architecture.root());
        try {
            this.parameters =
                    new DjlParameters(
                            architecture.name(),
                            walk.stream().map(ModuleWalk.Candidate::layer).toList(),
                            manager,
                            initSeed);
            this.graph = new DjlGraph(parameters.byLocalName());
            describeLayers(walk);
        } catch (ai.djl.engine.EngineException e) {
            manager.close();
            throw new IllegalArgumentException(
                    architecture.name()
                            + " cannot run on "
                            + architecture.imageSize()
                            + "x"
                            + architecture.imageSize()
                            + " images: "
                            + e.getMessage(),
                    e);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        setTrainable(List.of());
    }

    /**
     * Walks one zero image through the network to learn every candidate layer's shapes and cost.
     */
    private void describeLayers(List<ModuleWalk.Candidate> walk) {
        int s = architecture.imageSize();
        String head = architecture.headName();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, new float[architecture.inputChannels() * s * s], 1);
            graph.forward(
                    architecture.root(),
                    x,
                    Set.of(),
                    (layer, in, out) -> {
                        int index = layers.size();
                        long count = layer.parameterCount();
                        long biasCount =
                                parameters.byLayer().get(layer.name()).stream()
                                        .filter(p -> p.spec().role() == ParameterSpec.Role.BIAS)
                                        .mapToLong(p -> p.spec().size())
                                        .sum();
                        layers.add(
                                new LayerInfo(
                                        index,
                                        layer.name(),
                                        typeName(layer.kind()),
                                        count,
                                        biasCount,
                                        in.size(),
                                        out.size(),
                                        channels(out),
                                        LayerCost.forwardFlops(layer, in.size(), out.size()),
                                        walk.get(index).reluAfter(),
                                        layer.name().equals(head),
                                        LayerCost.weightInputElements(layer, in.size(), out.size()),
                                        LayerCost.passElements(
                                                layer,
                                                in.size(),
                                                out.size(),
                                                walk.get(index).geluAfter())));
                        long[] shape = out.getShape().getShape();
                        outputShapes.add(Arrays.copyOfRange(shape, 1, shape.length));
                        return out;
                    });
        }
    }

    /**
     * The output channel axis: 1 for feature maps (N, C, H, W), the last one for (N, F) and (N, S,
     * F).
     */
    private static int channelAxis(NDArray activation) {
        int rank = activation.getShape().dimension();
        return rank == 4 ? 1 : rank - 1;
    }

    private static int channels(NDArray activation) {
        return Math.toIntExact(activation.getShape().get(channelAxis(activation)));
    }

    private static String typeName(LayerSpec.Kind kind) {
        return kind == LayerSpec.Kind.TOKENS
                ? "embedding"
                : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Architecture architecture() {
        return architecture;
    }

    @Override
    public List<LayerInfo> layers() {
        return List.copyOf(layers);
    }

    /** Per candidate layer, its output shape for one sample (batch axis dropped). */
    List<long[]> outputShapes() {
        return outputShapes.stream().map(long[]::clone).toList();
    }

    @Override
    public List<float[]> activations(float[] images, int count) {
        DjlRuntime.noGradOnThisThread();
        List<float[]> out = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            graph.forward(
                    architecture.root(),
                    input(scope, images, count),
                    Set.of(),
                    (layer, in, y) -> {
                        out.add(channelMajor(y).toFloatArray());
                        return y;
                    });
        }
        return out;
    }

    /**
     * Token sequences (N, S, D) as (N, D, S), so that in every captured activation a channel's
     * values are one contiguous block per sample, as in NCHW feature maps (per-channel point clouds
     * rely on it; whole-layer distances do not change under this permutation).
     */
    private static NDArray channelMajor(NDArray y) {
        return y.getShape().dimension() == 3 ? y.transpose(0, 2, 1) : y;
    }

    @Override
    public float[] logits(float[] images, int count) {
        DjlRuntime.noGradOnThisThread();
        try (NDManager scope = manager.newSubManager()) {
            return forward(input(scope, images, count), false).toFloatArray();
        }
    }

    @Override
    public int[] predict(float[] images, int count) {
        DjlRuntime.noGradOnThisThread();
        try (NDManager scope = manager.newSubManager()) {
            NDArray logits = forward(input(scope, images, count), false);
            return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        }
    }

    @Override
    public void setTrainable(TrainableSpec spec) {
        Map<String, LayerInfo> known = new LinkedHashMap<>();
        layers.forEach(l -> known.put(l.name(), l));
        for (String name : union(spec.layers(), spec.biasOnly())) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException(
                        "no candidate layer named '"
                                + name
                                + "' in "
                                + architecture.name()
                                + "; layers: "
                                + known.keySet());
            }
        }
        spec.channelMasks()
                .forEach(
                        (name, mask) -> {
                            if (mask.length != known.get(name).channels()) {
                                throw new IllegalArgumentException(
                                        "channel mask for '"
                                                + name
                                                + "' has "
                                                + mask.length
                                                + " entries, the layer has "
                                                + known.get(name).channels()
                                                + " channels");
                            }
                        });
        trainable.forEach(
                t -> {
                    if (t.mask() != null) {
                        t.mask().close();
                    }
                });
        trainable.clear();
        maskedStatistics.forEach(t -> t.mask().close());
        maskedStatistics.clear();
        momentum.values().forEach(NDArray::close);
        momentum.clear();
        for (DjlParameters.Param p : parameters.all()) {
            String layer = p.layer().name();
            boolean[] mask = spec.channelMasks().get(layer);
            // Running statistics never take a gradient; unfreezing them breaks the next forward.
            if (p.spec().role() == ParameterSpec.Role.STATISTIC) {
                if (mask != null) {
                    maskedStatistics.add(
                            new TrainableParameter(
                                    p.spec().key(), p.array(), maskArray(mask, p.spec())));
                }
                continue;
            }
            boolean train =
                    spec.layers().contains(layer)
                            || (spec.biasOnly().contains(layer)
                                    && p.spec().role() == ParameterSpec.Role.BIAS);
            p.array().setRequiresGradient(train);
            if (train) {
                trainable.add(
                        new TrainableParameter(
                                p.spec().key(),
                                p.array(),
                                mask == null ? null : maskArray(mask, p.spec())));
            }
        }
        trainingLayers = union(spec.layers(), spec.biasOnly());
    }

    /**
     * A 0/1 array broadcastable against a parameter along its channel axis. An axis longer than the
     * mask (attention's stacked query/key/value projection) repeats it.
     */
    private NDArray maskArray(boolean[] mask, ParameterSpec parameter) {
        long[] parameterShape = parameter.shape();
        int axis = parameter.channelAxis();
        int length = Math.toIntExact(parameterShape[axis]);
        if (length % mask.length != 0) {
            throw new IllegalArgumentException(
                    "channel mask of "
                            + mask.length
                            + " entries does not fit "
                            + parameter.key()
                            + " of shape "
                            + Arrays.toString(parameterShape));
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = mask[i % mask.length] ? 1f : 0f;
        }
        long[] shape = new long[parameterShape.length];
        Arrays.fill(shape, 1);
        shape[axis] = length;
        return manager.create(values, new Shape(shape));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    @Override
    public double trainStep(
            float[] images,
            int[] labels,
            int count,
            double learningRate,
            double momentumFactor,
            double weightDecay) {
        if (trainable.isEmpty()) {
            throw new IllegalStateException("nothing to train: call setTrainable first");
        }
        DjlRuntime.noGradOnThisThread();
        unfinishedStep = true;
        double lossValue;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, images, count);
            NDArray y = scope.create(toLong(labels, count));
            List<NDArray> statisticsBefore = new ArrayList<>();
            for (TrainableParameter t : maskedStatistics) {
                NDArray copy = t.parameter().duplicate();
                copy.attach(scope);
                statisticsBefore.add(copy);
            }
            // Records on this thread only (DJL's GradientCollector is one per JVM): Spark tasks
            // sharing an executor train at the same time.
            try (Autograd collector = Autograd.record()) {
                NDArray logits = forward(x, true);
                NDArray batchLoss = loss.evaluate(new NDList(y), new NDList(logits));
                lossValue = batchLoss.getFloat();
                if (!Double.isFinite(lossValue)) {
                    throw new IllegalStateException(
                            "training diverged: loss is "
                                    + lossValue
                                    + " (learning rate "
                                    + learningRate
                                    + ")");
                }
                collector.backward(batchLoss);
            }
            update(scope, learningRate, momentumFactor, weightDecay);
            restoreMaskedStatistics(scope, statisticsBefore);
        }
        unfinishedStep = false;
        return lossValue;
    }

    /** The forward pass moved every channel's running statistics; put the masked channels' back. */
    private void restoreMaskedStatistics(NDManager scope, List<NDArray> before) {
        for (int i = 0; i < maskedStatistics.size(); i++) {
            TrainableParameter t = maskedStatistics.get(i);
            NDArray current = t.parameter();
            NDArray kept = before.get(i).mul(t.mask().neg().add(1));
            kept.attach(scope);
            current.muli(t.mask()).addi(kept);
        }
    }

    private void update(NDManager scope, double lr, double mu, double wd) {
        for (TrainableParameter t : trainable) {
            NDArray w = t.parameter();
            try (NDArray g = w.getGradient()) {
                NDArray direction = g.duplicate();
                direction.attach(scope);
                if (wd != 0) {
                    direction.addi(w.mul(wd));
                }
                if (t.mask() != null) {
                    direction.muli(t.mask());
                }
                NDArray buffer = momentum.get(t.key());
                if (buffer == null) {
                    buffer = direction.duplicate();
                    buffer.attach(manager);
                    momentum.put(t.key(), buffer);
                } else {
                    buffer.muli(mu).addi(direction);
                }
                NDArray delta = buffer.mul(lr);
                delta.attach(scope);
                w.subi(delta);
                g.subi(g); // gradients accumulate across backward passes: reset after each step
            }
        }
    }

    @Override
    public List<GradientStatistics> gradientStatistics(float[] images, int[] labels, int count) {
        DjlRuntime.noGradOnThisThread();
        unfinishedStep = true;
        Map<NDArray, Boolean> wasTrainable = new LinkedHashMap<>();
        for (DjlParameters.Param p : parameters.all()) {
            if (p.spec().role() != ParameterSpec.Role.STATISTIC) {
                wasTrainable.put(p.array(), p.array().hasGradient());
                p.array()
                        .setRequiresGradient(
                                true); // every layer's gradient is wanted, whatever trains later
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, images, count);
            NDArray y = scope.create(toLong(labels, count));
            List<NDArray> probes = new ArrayList<>();
            try (Autograd collector = Autograd.record()) {
                // Inference mode: the pass must not move BatchNorm statistics.
                NDArray logits =
                        graph.forward(
                                architecture.root(),
                                x,
                                Set.of(),
                                (layer, in, out) -> {
                                    // A ones "probe" per (sample, channel): d loss / d probe =
                                    // sum over the
                                    // channel's positions of a * dL/da, the per-sample quantity
                                    // Fisher needs.
                                    long[] probeShape = new long[out.getShape().dimension()];
                                    Arrays.fill(probeShape, 1);
                                    probeShape[0] = count;
                                    int axis = channelAxis(out);
                                    probeShape[axis] = out.getShape().get(axis);
                                    NDArray probe = scope.ones(new Shape(probeShape));
                                    probe.setRequiresGradient(true);
                                    probes.add(probe);
                                    return out.mul(probe);
                                });
                collector.backward(loss.evaluate(new NDList(y), new NDList(logits)));
            }
            List<GradientStatistics> out = new ArrayList<>();
            int index = 0;
            for (Map.Entry<String, List<DjlParameters.Param>> layer :
                    parameters.byLayer().entrySet()) {
                double fisher;
                try (NDArray g = probes.get(index).getGradient()) {
                    fisher = 0.5 * g.square().sum().getFloat();
                }
                double grad2 = 0;
                double param2 = 0;
                for (DjlParameters.Param p : layer.getValue()) {
                    if (p.spec().role() == ParameterSpec.Role.STATISTIC) {
                        continue;
                    }
                    NDArray w = p.array();
                    try (NDArray g = w.getGradient()) {
                        grad2 += g.square().sum().getFloat();
                        param2 += w.square().sum().getFloat();
                        g.subi(g);
                    }
                }
                out.add(
                        new GradientStatistics(
                                layer.getKey(), fisher, Math.sqrt(grad2), Math.sqrt(param2)));
                index++;
            }
            unfinishedStep = false;
            return out;
        } finally {
            wasTrainable.forEach((array, trainable) -> array.setRequiresGradient(trainable));
        }
    }

    private static long[] toLong(int[] labels, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = labels[i];
        }
        return out;
    }

    private NDArray forward(NDArray x, boolean training) {
        // Frozen layers always run in inference mode: frozen BatchNorm statistics must not move.
        Module root = from == null ? architecture.root() : from.suffix();
        return graph.forward(root, x, training ? trainingLayers : Set.of(), null);
    }

    private NDArray input(NDManager scope, float[] images, int count) {
        if (from != null) {
            return features(scope, from, images, count);
        }
        int s = architecture.imageSize();
        long expected = (long) count * architecture.inputChannels() * s * s;
        if (images.length != expected) {
            throw new IllegalArgumentException(
                    "input of "
                            + images.length
                            + " values for "
                            + count
                            + " images of "
                            + architecture.inputChannels()
                            + "x"
                            + s
                            + "x"
                            + s
                            + " (expected "
                            + expected
                            + ")");
        }
        return DjlArrays.floats(
                scope, images, new Shape(count, architecture.inputChannels(), s, s));
    }

    @Override
    public Optional<PrefixCut> frozenPrefix() {
        return PrefixCut.before(architecture.root(), trainingLayers)
                .map(
                        split -> {
                            DjlRuntime.noGradOnThisThread();
                            try (NDManager scope = manager.newSubManager()) {
                                int s = architecture.imageSize();
                                NDArray zero =
                                        input(
                                                scope,
                                                new float[architecture.inputChannels() * s * s],
                                                1);
                                long[] shape =
                                        graph.forward(split.prefix(), zero, Set.of(), null)
                                                .getShape()
                                                .getShape();
                                return new PrefixCut(
                                        split.position(),
                                        split.prefixLayers(),
                                        split.prefix(),
                                        split.suffix(),
                                        Arrays.copyOfRange(shape, 1, shape.length));
                            }
                        });
    }

    @Override
    public float[] prefixOutput(PrefixCut cut, float[] images, int count) {
        checkCut(cut, false);
        DjlRuntime.noGradOnThisThread();
        try (NDManager scope = manager.newSubManager()) {
            return graph.forward(cut.prefix(), input(scope, images, count), Set.of(), null)
                    .toFloatArray();
        }
    }

    @Override
    public double trainStepFrom(
            PrefixCut cut,
            float[] features,
            int[] labels,
            int count,
            double learningRate,
            double momentumFactor,
            double weightDecay) {
        checkCut(cut, true);
        from = cut;
        try {
            return trainStep(features, labels, count, learningRate, momentumFactor, weightDecay);
        } finally {
            from = null;
        }
    }

    @Override
    public int[] predictFrom(PrefixCut cut, float[] features, int count) {
        checkCut(cut, false);
        from = cut;
        try {
            return predict(features, count);
        } finally {
            from = null;
        }
    }

    /**
     * A cut must split this architecture's candidates in their order; one that trains must leave
     * every touched layer in its suffix, or the prefix output it trains from would be stale.
     */
    private void checkCut(PrefixCut cut, boolean training) {
        List<String> prefixNames =
                ModuleWalk.candidates(cut.prefix()).stream().map(c -> c.layer().name()).toList();
        List<String> expected =
                layers.subList(0, Math.min(cut.prefixLayers(), layers.size())).stream()
                        .map(LayerInfo::name)
                        .toList();
        if (!prefixNames.equals(expected)) {
            throw new IllegalArgumentException(
                    cut
                            + " is not a cut of "
                            + architecture.name()
                            + ": its prefix holds "
                            + prefixNames);
        }
        if (training) {
            for (String name : prefixNames) {
                if (trainingLayers.contains(name)) {
                    throw new IllegalArgumentException(
                            "layer '" + name + "' trains but lies in the prefix of " + cut);
                }
            }
        }
    }

    /** A batch of prefix outputs of {@code cut} as a tensor. */
    private static NDArray features(NDManager scope, PrefixCut cut, float[] values, int count) {
        long expected = count * cut.sampleElements();
        if (values.length != expected) {
            throw new IllegalArgumentException(
                    values.length
                            + " prefix output values for "
                            + count
                            + " samples of "
                            + cut
                            + " (expected "
                            + expected
                            + ")");
        }
        long[] shape = new long[cut.sampleShape().length + 1];
        shape[0] = count;
        System.arraycopy(cut.sampleShape(), 0, shape, 1, cut.sampleShape().length);
        return DjlArrays.floats(scope, values, new Shape(shape));
    }

    @Override
    public void adaptBatchNorm(float[] images, int count, int batchSize) {
        DjlBatchNormAdaptation.run(
                architecture, graph, parameters, manager, images, count, batchSize, this::input);
    }

    @Override
    public NetworkParameters parameters() {
        return parameters.snapshot();
    }

    /** See {@link DjlParameters#load}. */
    void load(NetworkParameters source, Set<String> keepInitial, String sourceName) {
        parameters.load(source, keepInitial, sourceName);
    }

    /**
     * Puts this network back into the state {@code new DjlNetwork(architecture, initSeed)} followed
     * by {@code load(source, reinitialise, sourceName)} builds: every layer frozen, momentum and
     * channel masks dropped, {@code source}'s tensors loaded and the layers in {@code reinitialise}
     * set to their seeded initial values. Lets {@link NetworkPool} reuse a network instead of
     * building one per task.
     *
     * @throws IllegalStateException if a training step or gradient pass stopped half-way (its
     *     gradients may be left behind): such a network is not reused
     */
    void reset(
            NetworkParameters source, Set<String> reinitialise, long initSeed, String sourceName) {
        if (unfinishedStep) {
            // libtorch accumulates gradients: a step stopped between backward and the zeroing of
            // what it read would leave them for the next task.
            throw new IllegalStateException(
                    architecture.name() + ": a training step did not finish");
        }
        setTrainable(List.of());
        parameters.load(source, reinitialise, sourceName);
        parameters.reinitialise(reinitialise, initSeed);
    }

    /** Bytes of this network's tensor values. */
    long parameterBytes() {
        return parameters.bytes();
    }

    void lentBy(NetworkPool pool) {
        this.lender = pool;
    }

    /** Frees the engine memory of this network (what {@link #close} does when not lent). */
    void release() {
        manager.close();
    }

    @Override
    public void close() {
        NetworkPool pool = lender;
        lender = null;
        if (pool != null) {
            pool.giveBack(this);
        } else {
            manager.close();
        }
    }
}
