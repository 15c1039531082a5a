package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDictCheckTest {
    private static NetworkParameters params(Object... nameShape) {
        Map<String, NetworkParameters.Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < nameShape.length; i += 2) {
            long[] shape = (long[]) nameShape[i + 1];
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            map.put((String) nameShape[i], new NetworkParameters.Tensor(shape, new float[(int) n]));
        }
        return new NetworkParameters(map);
    }

    @Test
    void identicalNamesAndShapesMatchWhateverTheValues() {
        NetworkParameters a =
                params("conv.weight", new long[] {4, 3, 3, 3}, "fc.bias", new long[] {10});
        StateDictCheck check =
                StateDictCheck.compare(
                        a,
                        params("fc.bias", new long[] {10}, "conv.weight", new long[] {4, 3, 3, 3}));
        assertTrue(check.matches());
        assertEquals("", check.message("x.npz", "net"));
        check.requireMatch("x.npz", "net");
    }

    @Test
    void oneMessageListsMissingUnexpectedAndMismatchedTensorsWithShapes() {
        NetworkParameters expected =
                params(
                        "conv1.weight",
                        new long[] {64, 3, 7, 7},
                        "fc.weight",
                        new long[] {10, 512},
                        "fc.bias",
                        new long[] {10});
        NetworkParameters given =
                params(
                        "conv1.weight",
                        new long[] {64, 3, 3, 3},
                        "fc.bias",
                        new long[] {10},
                        "head.weight",
                        new long[] {10, 512});
        StateDictCheck check = StateDictCheck.compare(expected, given);
        assertEquals(List.of("fc.weight [10, 512]"), check.missing());
        assertEquals(List.of("head.weight [10, 512]"), check.unexpected());
        assertEquals(
                List.of("conv1.weight: expected [64, 3, 7, 7], given [64, 3, 3, 3]"),
                check.mismatched());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> check.requireMatch("resnet.npz", "resnet18"));
        assertEquals(
                "state dict resnet.npz does not fit architecture resnet18: 1 missing (fc.weight [10, 512]);"
                        + " 1 unexpected (head.weight [10, 512]); 1 shape mismatch (conv1.weight: expected [64, 3, 7, 7],"
                        + " given [64, 3, 3, 3])",
                e.getMessage());
    }

    @Test
    void longListsAreCutAndCounted() {
        Object[] many = new Object[2 * 25];
        for (int i = 0; i < 25; i++) {
            many[2 * i] = "layer" + i + ".weight";
            many[2 * i + 1] = new long[] {1};
        }
        String message = StateDictCheck.compare(params(many), params()).message("empty.npz", "net");
        assertTrue(
                message.startsWith(
                        "state dict empty.npz does not fit architecture net: 25 missing (layer0.weight [1],"),
                message);
        assertTrue(message.endsWith("layer19.weight [1], ... and 5 more)"), message);
    }
}
