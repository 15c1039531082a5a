package org.adabet.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Network} on DJL's PyTorch engine. The forward pass walks the steps one by one (DJL has
 * no forward hooks), which gives every candidate layer's output in one pass and lets frozen
 * BatchNorm layers run in inference mode while the trainable ones train.
 */
final class DjlNetwork implements Network {
    private static final Object GRADIENT_LOCK = new Object();
    private final Architecture architecture;
    private final NDManager manager;
    private final SequentialBlock block = new SequentialBlock();
    private final List<Step> steps = new ArrayList<>();
    private final List<LayerInfo> layers = new ArrayList<>();
    private final ParameterStore parameterStore;
    private final SoftmaxCrossEntropyLoss loss = new SoftmaxCrossEntropyLoss("loss");
    private final Map<String, NDArray> momentum = new HashMap<>();
    private final List<TrainableParameter> trainable = new ArrayList<>();
    private Set<String> trainingLayers = Set.of();

    /** A parameter that trains, with its channel mask (null: every channel). */
    private record TrainableParameter(String key, Parameter parameter, NDArray mask) {}

    /** BatchNorm statistics of a channel-masked layer: masked channels must keep theirs too. */
    private final List<TrainableParameter> maskedStatistics = new ArrayList<>();

    /** A step of the walk: its spec, its DJL block, and its parameters by torchvision-style name. */
    private record Step(LayerSpec spec, Block block, Map<String, Parameter> parameters) {}

    DjlNetwork(Architecture architecture, long initSeed) {
        this.architecture = architecture;
        this.manager = DjlRuntime.engine().newBaseManager();
        for (LayerSpec spec : architecture.steps()) {
            block.add(DjlBlocks.of(spec));
        }
        block.initialize(manager, DataType.FLOAT32,
                new Shape(1, architecture.inputChannels(), architecture.imageSize(), architecture.imageSize()));
        this.parameterStore = new ParameterStore(manager, false);
        List<Block> children = block.getChildren().values();
        for (int i = 0; i < children.size(); i++) {
            LayerSpec spec = architecture.steps().get(i);
            Map<String, Parameter> params = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : children.get(i).getParameters()) {
                params.put(DjlBlocks.torchName(p.getKey()), p.getValue());
            }
            steps.add(new Step(spec, children.get(i), params));
        }
        for (Step step : steps) {
            for (Map.Entry<String, Parameter> p : step.parameters().entrySet()) {
                NDArray array = p.getValue().getArray();
                array.set(SeededInit.values(step.spec(), p.getKey(), Math.toIntExact(array.size()), initSeed));
            }
        }
        describeLayers();
        setTrainable(List.of());
    }

    /** Walks one zero image through the network to learn every candidate layer's shapes and cost. */
    private void describeLayers() {
        int s = architecture.imageSize();
        String head = architecture.headName();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, new float[architecture.inputChannels() * s * s], 1);
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                long in = x.size();
                x = step.block().forward(parameterStore, new NDList(x), false).singletonOrThrow();
                if (!step.spec().kind().hasWeights()) {
                    continue;
                }
                long count = step.parameters().entrySet().stream()
                        .filter(e -> !e.getKey().startsWith("running_"))
                        .mapToLong(e -> e.getValue().getArray().size())
                        .sum();
                boolean reluAfter = i + 1 < steps.size() && steps.get(i + 1).spec().kind() == LayerSpec.Kind.RELU;
                int channels = Math.toIntExact(x.getShape().get(1));
                Parameter bias = step.parameters().get("bias");
                long biasCount = bias == null ? 0 : bias.getArray().size();
                layers.add(new LayerInfo(layers.size(), step.spec().name(), typeName(step.spec().kind()), count,
                        biasCount, in,
                        x.size(), channels, LayerCost.forwardFlops(step.spec(), in, x.size()), reluAfter,
                        step.spec().name().equals(head)));
            }
        }
    }

    private static String typeName(LayerSpec.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Architecture architecture() {
        return architecture;
    }

    @Override
    public List<LayerInfo> layers() {
        return List.copyOf(layers);
    }

    @Override
    public List<float[]> activations(float[] images, int count) {
        DjlRuntime.noGradOnThisThread();
        List<float[]> out = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, images, count);
            for (Step step : steps) {
                x = step.block().forward(parameterStore, new NDList(x), false).singletonOrThrow();
                if (step.spec().kind().hasWeights()) {
                    out.add(x.toFloatArray());
                }
            }
        }
        return out;
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
        Map<String, LayerInfo> known = new HashMap<>();
        layers.forEach(l -> known.put(l.name(), l));
        for (String name : union(spec.layers(), spec.biasOnly())) {
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException("no candidate layer named '" + name + "' in "
                        + architecture.name() + "; layers: " + known.keySet());
            }
        }
        spec.channelMasks().forEach((name, mask) -> {
            if (mask.length != known.get(name).channels()) {
                throw new IllegalArgumentException("channel mask for '" + name + "' has " + mask.length
                        + " entries, the layer has " + known.get(name).channels() + " channels");
            }
        });
        trainable.forEach(t -> {
            if (t.mask() != null) {
                t.mask().close();
            }
        });
        trainable.clear();
        maskedStatistics.forEach(t -> t.mask().close());
        maskedStatistics.clear();
        momentum.values().forEach(NDArray::close);
        momentum.clear();
        for (Step step : steps) {
            String layer = step.spec().name();
            for (Map.Entry<String, Parameter> p : step.parameters().entrySet()) {
                // Running statistics never take a gradient; unfreezing them breaks the next forward.
                if (p.getKey().startsWith("running_")) {
                    boolean[] mask = layer == null ? null : spec.channelMasks().get(layer);
                    if (mask != null) {
                        maskedStatistics.add(new TrainableParameter(layer + "." + p.getKey(), p.getValue(),
                                maskArray(mask, p.getValue().getArray().getShape())));
                    }
                    continue;
                }
                boolean train = layer != null && (spec.layers().contains(layer)
                        || (spec.biasOnly().contains(layer) && p.getKey().equals("bias")));
                p.getValue().freeze(!train);
                if (train) {
                    boolean[] mask = spec.channelMasks().get(layer);
                    trainable.add(new TrainableParameter(layer + "." + p.getKey(), p.getValue(),
                            mask == null ? null : maskArray(mask, p.getValue().getArray().getShape())));
                }
            }
        }
        trainingLayers = union(spec.layers(), spec.biasOnly());
    }

    /** A 0/1 array broadcastable against a parameter whose leading axis is the output channel. */
    private NDArray maskArray(boolean[] mask, Shape parameterShape) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] ? 1f : 0f;
        }
        long[] shape = new long[parameterShape.dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = mask.length;
        return manager.create(values, new Shape(shape));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    @Override
    public double trainStep(float[] images, int[] labels, int count, double learningRate, double momentumFactor,
            double weightDecay) {
        if (trainable.isEmpty()) {
            throw new IllegalStateException("nothing to train: call setTrainable first");
        }
        DjlRuntime.noGradOnThisThread();
        double lossValue;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, images, count);
            NDArray y = scope.create(toLong(labels, count));
            List<NDArray> statisticsBefore = new ArrayList<>();
            for (TrainableParameter t : maskedStatistics) {
                NDArray copy = t.parameter().getArray().duplicate();
                copy.attach(scope);
                statisticsBefore.add(copy);
            }
            // DJL 0.36 allows one collecting GradientCollector per JVM, and a second one started
            // from another thread leaves that thread in grad mode: Spark tasks sharing an executor
            // take turns for forward + backward (the update and all inference still overlap).
            synchronized (GRADIENT_LOCK) {
                try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    NDArray logits = forward(x, true);
                    NDArray batchLoss = loss.evaluate(new NDList(y), new NDList(logits));
                    lossValue = batchLoss.getFloat();
                    if (!Double.isFinite(lossValue)) {
                        throw new IllegalStateException("training diverged: loss is " + lossValue
                                + " (learning rate " + learningRate + ")");
                    }
                    collector.backward(batchLoss);
                }
            }
            update(scope, learningRate, momentumFactor, weightDecay);
            restoreMaskedStatistics(scope, statisticsBefore);
        }
        return lossValue;
    }

    /** The forward pass moved every channel's running statistics; put the masked channels' back. */
    private void restoreMaskedStatistics(NDManager scope, List<NDArray> before) {
        for (int i = 0; i < maskedStatistics.size(); i++) {
            TrainableParameter t = maskedStatistics.get(i);
            NDArray current = t.parameter().getArray();
            NDArray kept = before.get(i).mul(t.mask().neg().add(1));
            kept.attach(scope);
            current.muli(t.mask()).addi(kept);
        }
    }

    private void update(NDManager scope, double lr, double mu, double wd) {
        for (TrainableParameter t : trainable) {
            NDArray w = t.parameter().getArray();
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
        Map<Parameter, Boolean> wasTrainable = new LinkedHashMap<>();
        for (Step step : steps) {
            step.parameters().forEach((name, p) -> {
                if (!name.startsWith("running_")) {
                    wasTrainable.put(p, p.requiresGradient());
                    p.freeze(false); // every layer's gradient is wanted, whatever trains later
                }
            });
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = input(scope, images, count);
            NDArray y = scope.create(toLong(labels, count));
            List<NDArray> probes = new ArrayList<>();
            synchronized (GRADIENT_LOCK) {
                try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
                    for (Step step : steps) {
                        // Inference mode: the pass must not move BatchNorm statistics.
                        x = step.block().forward(parameterStore, new NDList(x), false).singletonOrThrow();
                        if (step.spec().kind().hasWeights()) {
                            // A ones "probe" per (sample, channel): d loss / d probe = sum over the
                            // channel's positions of a * dL/da, the per-sample quantity Fisher needs.
                            long[] probeShape = new long[x.getShape().dimension()];
                            java.util.Arrays.fill(probeShape, 1);
                            probeShape[0] = count;
                            probeShape[1] = x.getShape().get(1);
                            NDArray probe = scope.ones(new Shape(probeShape));
                            probe.setRequiresGradient(true);
                            probes.add(probe);
                            x = x.mul(probe);
                        }
                    }
                    collector.backward(loss.evaluate(new NDList(y), new NDList(x)));
                }
            }
            List<GradientStatistics> out = new ArrayList<>();
            int index = 0;
            for (Step step : steps) {
                if (!step.spec().kind().hasWeights()) {
                    continue;
                }
                double fisher;
                try (NDArray g = probes.get(index).getGradient()) {
                    fisher = 0.5 * g.square().sum().getFloat();
                }
                double grad2 = 0;
                double param2 = 0;
                for (Map.Entry<String, Parameter> p : step.parameters().entrySet()) {
                    if (p.getKey().startsWith("running_")) {
                        continue;
                    }
                    NDArray w = p.getValue().getArray();
                    try (NDArray g = w.getGradient()) {
                        grad2 += g.square().sum().getFloat();
                        param2 += w.square().sum().getFloat();
                        g.subi(g);
                    }
                }
                out.add(new GradientStatistics(step.spec().name(), fisher, Math.sqrt(grad2), Math.sqrt(param2)));
                index++;
            }
            return out;
        } finally {
            wasTrainable.forEach((p, trainable) -> p.freeze(!trainable));
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
        for (Step step : steps) {
            // Frozen layers always run in inference mode: frozen BatchNorm statistics must not move.
            boolean train = training && step.spec().name() != null && trainingLayers.contains(step.spec().name());
            x = step.block().forward(parameterStore, new NDList(x), train).singletonOrThrow();
        }
        return x;
    }

    private NDArray input(NDManager scope, float[] images, int count) {
        int s = architecture.imageSize();
        long expected = (long) count * architecture.inputChannels() * s * s;
        if (images.length != expected) {
            throw new IllegalArgumentException("input of " + images.length + " values for " + count + " images of "
                    + architecture.inputChannels() + "x" + s + "x" + s + " (expected " + expected + ")");
        }
        return scope.create(images, new Shape(count, architecture.inputChannels(), s, s));
    }

    @Override
    public NetworkParameters parameters() {
        Map<String, NetworkParameters.Tensor> out = new LinkedHashMap<>();
        for (Step step : steps) {
            for (Map.Entry<String, Parameter> p : step.parameters().entrySet()) {
                NDArray a = p.getValue().getArray();
                out.put(step.spec().name() + "." + p.getKey(),
                        new NetworkParameters.Tensor(a.getShape().getShape(), a.toFloatArray()));
            }
        }
        return new NetworkParameters(out);
    }

    /**
     * Copies tensors into this network by name. Tensors of the layers in {@code keepInitial} are
     * skipped (a replaced head keeps its fresh initialisation).
     *
     * @throws IllegalArgumentException listing missing, unexpected and shape-mismatched tensors
     */
    void load(NetworkParameters source, Set<String> keepInitial) {
        Map<String, NetworkParameters.Tensor> given = new LinkedHashMap<>(source.tensors());
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Step step : steps) {
            for (Map.Entry<String, Parameter> p : step.parameters().entrySet()) {
                String name = step.spec().name() + "." + p.getKey();
                NetworkParameters.Tensor t = given.remove(name);
                if (keepInitial.contains(step.spec().name())) {
                    continue;
                }
                NDArray a = p.getValue().getArray();
                if (t == null) {
                    missing.add(name);
                } else if (!java.util.Arrays.equals(t.shape(), a.getShape().getShape())) {
                    mismatched.add(name + " " + java.util.Arrays.toString(t.shape()) + " vs "
                            + a.getShape());
                } else {
                    a.set(t.values());
                }
            }
        }
        if (!missing.isEmpty() || !mismatched.isEmpty() || !given.isEmpty()) {
            throw new IllegalArgumentException("parameters do not fit " + architecture.name() + ": missing "
                    + missing + ", unexpected " + given.keySet() + ", shape mismatch " + mismatched);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
