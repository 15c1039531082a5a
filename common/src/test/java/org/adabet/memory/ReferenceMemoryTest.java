package org.adabet.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.adabet.memory.ReferenceMemory.Kind;
import org.adabet.memory.ReferenceMemory.Layer;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.api.Test;

/**
 * The reference's memory rule against a hand computation, and its figures for torchvision's
 * ResNet-50.
 */
class ReferenceMemoryTest {

    @Test
    void threeLayerNetByHand() {
        // frozen conv (50 -> 40, 100 params), trainable BN (40, 8 params + 8 statistics), trainable
        // dense (9 -> 3, 30 params)
        List<Layer> net =
                List.of(
                        new Layer(Kind.CONV, 50, 40, 1, false, 100, 0, false),
                        new Layer(Kind.BATCH_NORM, 40, 40, 1, false, 8, 8, true),
                        new Layer(Kind.DENSE, 9, 3, 1, false, 30, 0, true));
        ReferenceMemory rule = new ReferenceMemory(2);
        // conv: 4*50 + 4*2*40 = 520, nothing accumulated; bn: 4*40 + 160 = 320; dense: 36 + 24 +
        // 160 + 36 = 256.
        assertEquals(520, rule.peak(net));
        // 8 * 520 + 4 * (8 + 30) + 0.5 * (100 + 8 statistics)
        assertEquals(4160 + 152 + 54, rule.bytes(net));
        // Groups divide the batch output term; depthwise convolutions and other layers count
        // nothing.
        List<Layer> grouped =
                List.of(
                        new Layer(Kind.CONV, 50, 40, 4, false, 100, 0, true),
                        new Layer(Kind.CONV, 10_000, 10_000, 10, true, 90, 0, true),
                        new Layer(Kind.OTHER, 10_000, 10_000, 1, false, 0, 0, true));
        assertEquals(200 + 80 + 200, rule.peak(grouped));
        assertEquals(8 * 480 + 4 * 190, rule.bytes(grouped));
    }

    @Test
    void profilingBatchIsChecked() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ReferenceMemory(0));
        assertTrue(e.getMessage().contains("was 0"), e.getMessage());
    }

    @Test
    void torchvisionResNet50At224WithTheReferenceBatch() {
        Architecture a = Architectures.build(Architectures.RESNET50, 1, 224, 1000);
        try (Network net = Networks.create(a, 1)) {
            List<LayerInfo> infos = net.layers();
            ReferenceMemory rule = new ReferenceMemory(ReferenceMemory.REFERENCE_BATCH);
            long inference =
                    rule.bytes(
                            ReferenceMemory.layers(
                                    infos, a.candidates(), TrainableSpec.layers(Set.of())));
            long full =
                    rule.bytes(
                            ReferenceMemory.layers(
                                    infos,
                                    a.candidates(),
                                    TrainableSpec.layers(
                                            infos.stream().map(LayerInfo::name).toList())));
            System.out.printf(
                    "ResNet-50 224x224, batch 8: reference rule inference %d B (%.1f MB), full %d B (%.1f MB)%n",
                    inference, inference / 1e6, full, full / 1e6);
            // Pinned from this rule (README: beside the reference README's Keras figures, 243 MB
            // and 777 MB).
            assertEquals(224_748_500L, inference);
            assertEquals(822_380_640L, full);
        }
    }
}
