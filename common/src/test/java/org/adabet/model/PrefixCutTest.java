package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrefixCutTest {
    private static final Architecture RESNET8 =
            Architectures.build(Architectures.RESNET8, 4, 16, 5);

    private static Optional<PrefixCut.Split> cut(Architecture arch, String... touched) {
        return PrefixCut.before(arch.root(), Set.copyOf(List.of(touched)));
    }

    private static List<String> names(Module m) {
        return ModuleWalk.candidates(m).stream().map(c -> c.layer().name()).toList();
    }

    @Test
    void resnetCutsAtTheResidualBlockHoldingTheEarliestTouchedLayer() {
        // Root: conv1, bn1, relu, layer1.0, layer2.0, layer3.0, pool, fc.
        PrefixCut.Split middle = cut(RESNET8, "layer2.0.conv2", "fc").orElseThrow();
        assertEquals("4", middle.position());
        assertEquals(6, middle.prefixLayers()); // conv1, bn1 and layer1.0's four
        // The shortcut's layers sit in the same block: the same cut.
        assertEquals(middle, cut(RESNET8, "layer2.0.downsample.1").orElseThrow());
        PrefixCut.Split head = cut(RESNET8, "fc").orElseThrow();
        assertEquals("7", head.position());
        assertEquals(RESNET8.candidates().size() - 1, head.prefixLayers());
        assertEquals("1", cut(RESNET8, "bn1").orElseThrow().position());
    }

    @Test
    void frozenLayersCountsThePrefixOfTheCutAndIsZeroWithoutOne() {
        assertEquals(6, PrefixCut.frozenLayers(RESNET8, Set.of("layer2.0.conv2", "fc")));
        assertEquals(6, PrefixCut.frozenLayers(RESNET8, Set.of("layer2.0.downsample.1")));
        assertEquals(
                RESNET8.candidates().size() - 1, PrefixCut.frozenLayers(RESNET8, Set.of("fc")));
        assertEquals(0, PrefixCut.frozenLayers(RESNET8, Set.of("conv1", "fc")));
        assertEquals(0, PrefixCut.frozenLayers(RESNET8, Set.of()));
    }

    @Test
    void nothingToCutWhenTheFirstLayerOrNothingIsTouched() {
        assertTrue(cut(RESNET8, "conv1", "fc").isEmpty());
        assertTrue(cut(RESNET8).isEmpty());
    }

    @Test
    void mobileNetCutsInsideAnInvertedBlockWithoutResidualButNeverInsideOneWithIt() {
        Architecture m = Architectures.build(Architectures.MOBILENET_V2_035, 1, 32, 5);
        // features.1 (expansion 1, 16 -> 8 channels) has no residual: its sequence is entered.
        // Its children: conv.0 (depthwise conv, BN, ReLU6), conv.1 (pointwise conv), conv.2 (BN).
        PrefixCut.Split inner = cut(m, "features.1.conv.2").orElseThrow();
        assertEquals("1.2", inner.position());
        assertEquals(5, inner.prefixLayers());
        assertEquals("1.0.1", cut(m, "features.1.conv.0.1").orElseThrow().position());
        // features.3 repeats features.2's 24 channels at stride 1: a residual, cut before it.
        PrefixCut.Split residual = cut(m, "features.3.conv.1.1").orElseThrow();
        assertEquals("3", residual.position());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                Architectures.CONVNET_S,
                Architectures.RESNET8,
                Architectures.VGG8,
                Architectures.MOBILENET_V2_035,
                Architectures.VIT_TINY
            })
    void everyCutSplitsTheLayersInOrderAndLeavesEveryTouchedLayerBehindIt(String name) {
        Architecture arch = Architectures.build(name, 4, 32, 5);
        List<String> all = names(arch.root());
        for (int i = 1; i < all.size(); i++) {
            PrefixCut.Split s = cut(arch, all.get(i), all.get(all.size() - 1)).orElseThrow();
            List<String> joined = new ArrayList<>(names(s.prefix()));
            assertEquals(s.prefixLayers(), joined.size());
            assertTrue(s.prefixLayers() <= i, name + " " + all.get(i));
            joined.addAll(names(s.suffix()));
            assertEquals(all, joined, name + " cut before " + all.get(i));
        }
    }

    @Test
    void prefixThenSuffixPredictsAsTheWholeNetwork() {
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[6 * 3 * 16 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        try (Network net = Networks.create(RESNET8, 2)) {
            net.setTrainable(List.of("layer3.0.conv1", "fc"));
            PrefixCut c = net.frozenPrefix().orElseThrow();
            assertEquals("5", c.position());
            assertArrayEquals(new long[] {8, 8, 8}, c.sampleShape()); // layer2's output
            float[] features = net.prefixOutput(c, x, 6);
            assertEquals(6 * 8 * 8 * 8, features.length);
            assertArrayEquals(net.predict(x, 6), net.predictFrom(c, features, 6));
            net.setTrainable(List.of("layer1.0.bn1"));
            // The cut of a later selection would train from a stale prefix: refused.
            assertThrows(
                    IllegalArgumentException.class,
                    () -> net.trainStepFrom(c, features, new int[6], 6, 0.1, 0.9, 0));
        }
    }
}
