package org.adabet.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.adabet.model.LayerInfo;
import org.adabet.model.LayerSpec;
import org.adabet.model.TrainableSpec;

/**
 * The AdaBet reference's memory rule, literally (its {@code memory_utils.py}, a port of TinyTL's
 * profiler: Cai et al., "TinyTL: Reduce Memory, Not Parameters for Efficient On-Device Learning",
 * NeurIPS 2020). It is reported beside our own {@link MemoryModel}, which stays the primary figure.
 *
 * <p>Walking the layers in list order on one profiling batch of B samples (reference: 8), with
 * element counts per sample:
 *
 * <pre>
 * Conv / Dense: tmp = 4 * inputElements + 4 * B * outputElements / groups
 * BatchNorm:    tmp = 4 * inputElements
 * a trainable Conv / Dense / BatchNorm adds 4 * inputElements to an accumulated total
 * peak   = max over those layers of (tmp + accumulated, the layer's own share included)
 * memory = 8 * peak + 4 * trainable parameters + 0.5 * frozen parameters   bytes
 * </pre>
 *
 * BatchNorm running statistics count as frozen parameters. Nothing is counted for gradients,
 * optimizer state, ReLU, pooling, additions, depthwise convolutions, LayerNorm or attention.
 *
 * @param profilingBatch B, the profiling batch size
 */
public record ReferenceMemory(int profilingBatch) {

    /** The reference's profiling batch. */
    public static final int REFERENCE_BATCH = 8;

    public ReferenceMemory {
        if (profilingBatch < 1) {
            throw new IllegalArgumentException(
                    "reference memory profiling batch must be >= 1, was " + profilingBatch);
        }
    }

    /** What the rule knows of a layer. */
    public enum Kind {
        CONV,
        DENSE,
        BATCH_NORM,
        OTHER
    }

    /**
     * One layer as the rule sees it.
     *
     * @param parameters trainable-capable parameter count (BatchNorm: scale and shift)
     * @param statistics running statistics (BatchNorm: mean and variance), always frozen
     * @param trainable whether anything of the layer trains
     */
    public record Layer(
            Kind kind,
            long inputElements,
            long outputElements,
            int groups,
            boolean depthwise,
            long parameters,
            long statistics,
            boolean trainable) {}

    /**
     * The rule's layers of a built network: its layers' sizes, its specs' kinds and groups, the
     * spec's choice.
     */
    public static List<Layer> layers(
            List<LayerInfo> layers, List<LayerSpec> specs, TrainableSpec spec) {
        Map<String, LayerSpec> byName =
                specs.stream().collect(Collectors.toMap(LayerSpec::name, Function.identity()));
        List<Layer> out = new ArrayList<>();
        for (LayerInfo l : layers) {
            LayerSpec s = byName.get(l.name());
            if (s == null) {
                throw new IllegalArgumentException(
                        "reference memory: no layer spec for '" + l.name() + "'");
            }
            Kind kind =
                    switch (s.kind()) {
                        case CONV -> Kind.CONV;
                        case LINEAR -> Kind.DENSE;
                        case BATCH_NORM -> Kind.BATCH_NORM;
                        default -> Kind.OTHER;
                    };
            boolean depthwise = kind == Kind.CONV && s.groups() > 1 && s.groups() == s.inChannels();
            long statistics = kind == Kind.BATCH_NORM ? 2L * s.outChannels() : 0;
            out.add(
                    new Layer(
                            kind,
                            l.inputElements(),
                            l.outputElements(),
                            s.groups(),
                            depthwise,
                            l.parameters(),
                            statistics,
                            spec.trainableParameters(l) > 0));
        }
        return out;
    }

    /** Peak activation bytes of the walk (before the factor 8). */
    public long peak(List<Layer> layers) {
        long accumulated = 0;
        long peak = 0;
        for (Layer l : layers) {
            long tmp;
            switch (l.kind()) {
                case CONV, DENSE -> {
                    if (l.depthwise()) {
                        continue;
                    }
                    tmp =
                            4 * l.inputElements()
                                    + 4L * profilingBatch * l.outputElements() / l.groups();
                }
                case BATCH_NORM -> tmp = 4 * l.inputElements();
                default -> {
                    continue;
                }
            }
            if (l.trainable()) {
                accumulated += 4 * l.inputElements();
            }
            peak = Math.max(peak, tmp + accumulated);
        }
        return peak;
    }

    /** The reference's memory figure in bytes (half bytes of frozen parameters rounded up). */
    public long bytes(List<Layer> layers) {
        long trainable = 0;
        long frozen = 0;
        for (Layer l : layers) {
            trainable += l.trainable() ? l.parameters() : 0;
            frozen += (l.trainable() ? 0 : l.parameters()) + l.statistics();
        }
        return 8 * peak(layers) + 4 * trainable + (frozen + 1) / 2;
    }
}
