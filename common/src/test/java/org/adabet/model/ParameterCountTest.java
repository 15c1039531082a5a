package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * torchvision's parameter counts at 224x224 and 1000 classes, from the description and from built
 * networks.
 */
class ParameterCountTest {
    private static final Map<String, Long> TORCHVISION =
            Map.of(
                    Architectures.RESNET18, 11_689_512L,
                    Architectures.RESNET50, 25_557_032L,
                    Architectures.VGG16, 138_357_544L,
                    Architectures.VGG16_BN, 138_365_992L,
                    Architectures.MOBILENET_V2, 3_504_872L,
                    Architectures.VIT_B_16, 86_567_656L);

    @Test
    void descriptionsCountTorchvisionsParameters() {
        TORCHVISION.forEach(
                (name, count) ->
                        assertEquals(
                                count,
                                Architectures.build(name, 1, 224, 1000).parameterCount(),
                                name));
    }

    @Test
    @Tag("slow")
    void builtNetworksHoldTorchvisionsParametersInTheirCandidateLayers() {
        TORCHVISION.forEach(
                (name, count) -> {
                    try (Network net =
                            Networks.create(Architectures.build(name, 1, 224, 1000), 1)) {
                        assertEquals(
                                count,
                                net.layers().stream().mapToLong(LayerInfo::parameters).sum(),
                                name);
                    }
                });
    }
}
