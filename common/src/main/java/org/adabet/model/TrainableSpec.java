package org.adabet.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a retraining run may change; everything else is frozen.
 *
 * @param layers layers whose every parameter trains (BatchNorm running statistics follow the
 *     training mode)
 * @param biasOnly layers of which only the bias (a BatchNorm's shift) trains; they run in training
 *     mode, so a BatchNorm among them normalises with batch statistics and moves its running ones
 * @param channelMasks for some of {@code layers}: the output channels that train (true); the others
 *     keep their values (their gradient is masked)
 */
public record TrainableSpec(
        Set<String> layers, Set<String> biasOnly, Map<String, boolean[]> channelMasks)
        implements Serializable {

    public TrainableSpec {
        layers = Set.copyOf(new TreeSet<>(layers));
        biasOnly = Set.copyOf(new TreeSet<>(biasOnly));
        channelMasks = Map.copyOf(new TreeMap<>(channelMasks));
        for (String masked : channelMasks.keySet()) {
            if (!layers.contains(masked)) {
                throw new IllegalArgumentException(
                        "channel mask for '" + masked + "', which is not a trained layer");
            }
        }
    }

    /** Whole layers, no masks. */
    public static TrainableSpec layers(Collection<String> layers) {
        return new TrainableSpec(Set.copyOf(layers), Set.of(), Map.of());
    }

    /** Whether nothing trains. */
    public boolean isEmpty() {
        return layers.isEmpty() && biasOnly.isEmpty();
    }

    /** Trainable parameters of one layer under this spec. */
    public long trainableParameters(LayerInfo layer) {
        if (layers.contains(layer.name())) {
            boolean[] mask = channelMasks.get(layer.name());
            // Every tensor of a layer has an axis indexed by the output channel (attention's
            // stacked
            // query/key/value projection: three times), so a mask keeps the same fraction of each.
            return mask == null
                    ? layer.parameters()
                    : layer.parameters() * kept(mask) / mask.length;
        }
        return biasOnly.contains(layer.name()) ? layer.biasParameters() : 0;
    }

    /** Layers touched by this spec, in the order given. */
    public List<String> touched(List<LayerInfo> all) {
        return all.stream()
                .map(LayerInfo::name)
                .filter(n -> layers.contains(n) || biasOnly.contains(n))
                .toList();
    }

    /**
     * Index of the earliest layer with anything to train, or -1: the gradient must flow from the
     * loss back to it (the memory model keeps masks up to it, the FLOP count propagates to it).
     */
    public int earliestTrained(List<LayerInfo> all) {
        for (LayerInfo l : all) {
            if (trainableParameters(l) > 0) {
                return l.index();
            }
        }
        return -1;
    }

    /** How many channels a mask keeps. */
    public static int kept(boolean[] mask) {
        int k = 0;
        for (boolean b : mask) {
            k += b ? 1 : 0;
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrainableSpec t)
                || !t.layers.equals(layers)
                || !t.biasOnly.equals(biasOnly)
                || !t.channelMasks.keySet().equals(channelMasks.keySet())) {
            return false;
        }
        return channelMasks.entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue(), t.channelMasks.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return layers.hashCode() * 31 + biasOnly.hashCode();
    }
}
