package org.adabet.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.api.Test;

/** The memory formula on a three-layer net, computed by hand. */
class MemoryModelTest {
    // conv (100 params, 50 -> 40, ReLU after), BN (8 params, bias 4, 40 -> 40, ReLU after), head
    // (30 params, bias 3, 9 -> 3).
    static final List<LayerInfo> NET =
            List.of(
                    new LayerInfo(0, "conv", "conv", 100, 0, 50, 40, 4, 8000, true, false),
                    new LayerInfo(1, "bn", "batch_norm", 8, 4, 40, 40, 4, 80, true, false),
                    new LayerInfo(2, "head", "linear", 30, 3, 9, 3, 3, 54, false, true));
    static final MemoryModel MODEL = new MemoryModel(2, 4);

    @Test
    void trainingOneMiddleLayer() {
        MemoryEstimate e = MODEL.training(NET, TrainableSpec.layers(List.of("bn")));
        assertEquals(776, e.parameterBits()); // 32 * 8 trainable + 4 * 130 frozen
        assertEquals(256, e.gradientBits());
        assertEquals(256, e.optimizerBits());
        assertEquals(
                2 * (32 * 40 + 40),
                e.activationBits()); // bn's input + the ReLU mask after bn, x batch 2
        assertEquals(2 * 32 * 90, e.transientBits()); // conv: 50 in + 40 out
        assertEquals((776 + 256 + 256 + 2640 + 5760 + 7) / 8, e.total());
        assertEquals(1211, e.total());
    }

    @Test
    void biasOnlyKeepsNoActivationsAndEarlierLayersNeedMoreMasks() {
        MemoryEstimate bias =
                MODEL.training(NET, new TrainableSpec(Set.of(), Set.of("head"), Map.of()));
        assertEquals(32 * 3 + 4 * 135, bias.parameterBits());
        assertEquals(0, bias.activationBits());
        assertEquals(824, bias.total()); // ceil(6588 / 8)
        MemoryEstimate conv = MODEL.training(NET, TrainableSpec.layers(List.of("conv")));
        assertEquals(2 * (32 * 50 + 40 + 40), conv.activationBits());
    }

    @Test
    void channelMasksScaleTheTrainableParameters() {
        TrainableSpec half =
                new TrainableSpec(
                        Set.of("bn"),
                        Set.of(),
                        Map.of("bn", new boolean[] {true, false, true, false}));
        assertEquals(4, half.trainableParameters(NET.get(1)));
        assertEquals(32 * 4 + 4 * 134, MODEL.training(NET, half).parameterBits());
    }

    @Test
    void layerBitsAddUpToTheModel() {
        // base + relu(m) + sum of layer bits equals the model's total for every whole-layer
        // selection.
        for (List<String> s :
                List.of(
                        List.of("conv"),
                        List.of("bn", "head"),
                        List.of("conv", "head"),
                        List.of("conv", "bn", "head"))) {
            MemoryEstimate e = MODEL.training(NET, TrainableSpec.layers(s));
            long bits =
                    MODEL.baseBits(NET)
                            + MODEL.passBits(
                                    NET,
                                    NET.stream()
                                            .filter(l -> s.contains(l.name()))
                                            .findFirst()
                                            .orElseThrow()
                                            .index());
            for (LayerInfo l : NET) {
                bits += s.contains(l.name()) ? MODEL.layerBits(l) : 0;
            }
            assertEquals(
                    e.parameterBits()
                            + e.gradientBits()
                            + e.optimizerBits()
                            + e.activationBits()
                            + e.transientBits(),
                    bits,
                    s.toString());
        }
    }
}
