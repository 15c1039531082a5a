package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleWalkTest {

    @Test
    void oneReluMaskPerResidualAdditionOnResnet8() {
        Architecture a = Architectures.build(Architectures.RESNET8, 16, 32, 10);
        Map<String, Boolean> relu =
                ModuleWalk.candidates(a.root()).stream()
                        .collect(
                                Collectors.toMap(
                                        c -> c.layer().name(), ModuleWalk.Candidate::reluAfter));
        // Stage 1: identity shortcut, the main branch's last BatchNorm carries the mask.
        assertTrue(relu.get("layer1.0.bn2"));
        // Stages 2 and 3: projection shortcuts; the add's one ReLU mask is the shortcut's.
        for (String stage : List.of("layer2.0", "layer3.0")) {
            assertFalse(
                    relu.get(stage + ".bn2"),
                    stage + ".bn2 would count the add's mask a second time");
            assertTrue(relu.get(stage + ".downsample.1"), stage);
        }
        // Inside a block the ReLU after bn1 keeps its own mask; convolutions feed BatchNorms, not
        // ReLUs.
        assertTrue(relu.get("layer2.0.bn1"));
        assertFalse(relu.get("layer2.0.conv1"));
        // Stem ReLU + one per block (bn1) + one per addition: 1 + 3 + 3 masks.
        assertEquals(7, relu.values().stream().filter(b -> b).count());
    }
}
