package org.adabet.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.adabet.config.TrainConfig;
import org.adabet.data.ImageSet;
import org.adabet.model.Architecture;
import org.adabet.model.Architectures;
import org.adabet.model.Network;
import org.adabet.model.NetworkParameters;
import org.adabet.model.Networks;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training from cached prefix outputs must be the same training as from the images: the same
 * per-epoch accuracies and the same final weights.
 */
class PrefixCachingTest {
    private static final int SIZE = 16;
    private static final int CLASSES = 4;
    private static final TrainConfig CONFIG = new TrainConfig("test", 2, 8, 0.05, 0.9, 5e-4);

    static List<Arguments> selections() {
        boolean[] half = {true, false, true, false, true, false, true, false};
        boolean[] every2 = new boolean[16];
        for (int i = 0; i < every2.length; i += 2) {
            every2[i] = true;
        }
        return List.of(
                Arguments.of(Architectures.CONVNET_S, "full", null, false),
                Arguments.of(Architectures.CONVNET_S, "head", spec("classifier"), true),
                Arguments.of(
                        Architectures.CONVNET_S,
                        "middle",
                        spec("features.2.conv", "features.2.bn"),
                        true),
                Arguments.of(
                        Architectures.CONVNET_S,
                        "masked",
                        new TrainableSpec(
                                Set.of("features.3.conv", "classifier"),
                                Set.of(),
                                Map.of("features.3.conv", every2)),
                        true),
                Arguments.of(Architectures.RESNET8, "full", null, false),
                Arguments.of(Architectures.RESNET8, "head", spec("fc"), true),
                Arguments.of(Architectures.RESNET8, "middle", spec("layer2.0.conv2"), true),
                Arguments.of(
                        Architectures.RESNET8,
                        "masked",
                        new TrainableSpec(
                                Set.of("layer2.0.bn1", "fc"),
                                Set.of(),
                                Map.of("layer2.0.bn1", every2(8))),
                        true));
    }

    private static boolean[] every2(int n) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i += 2) {
            m[i] = true;
        }
        return m;
    }

    private static TrainableSpec spec(String... layers) {
        return TrainableSpec.layers(List.of(layers));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("selections")
    void cachedTrainingMatchesUncached(
            String archName, String label, TrainableSpec given, boolean expectCached) {
        Architecture arch = Architectures.build(archName, 4, SIZE, CLASSES);
        ImageSet train = images("train", 32, 1);
        ImageSet validation = images("validation", 8, 2);
        ImageSet test = images("test", 16, 3);
        PrefixCache cache = new PrefixCache(64L << 20);
        TrainingResult plain;
        TrainingResult cached;
        NetworkParameters plainWeights;
        NetworkParameters cachedWeights;
        try (Network a = Networks.create(arch, 5);
                Network b = Networks.create(arch, 5)) {
            TrainableSpec s =
                    given != null
                            ? given
                            : TrainableSpec.layers(a.layers().stream().map(l -> l.name()).toList());
            a.setTrainable(s);
            b.setTrainable(s);
            plain = Trainer.train(a, train, validation, test, CONFIG, 9);
            cached =
                    Trainer.train(
                            b, train, validation, test, CONFIG, 9, new PrefixCaching(cache, "w"));
            plainWeights = a.parameters();
            cachedWeights = b.parameters();
        }
        assertFalse(plain.prefixCached());
        assertEquals(expectCached, cached.prefixCached());
        assertEquals(plain.epochAccuracy(), cached.epochAccuracy());
        assertEquals(plain.epochValidationAccuracy(), cached.epochValidationAccuracy());
        double worst = 0;
        String where = "";
        for (var e : plainWeights.tensors().entrySet()) {
            float[] p = e.getValue().values();
            float[] c = cachedWeights.tensors().get(e.getKey()).values();
            for (int i = 0; i < p.length; i++) {
                double d = Math.abs(p[i] - c[i]);
                if (d > worst) {
                    worst = d;
                    where = e.getKey();
                }
            }
        }
        // Tolerance 0: every prefix operation (convolution, inference-mode BatchNorm, ReLU,
        // pooling) computes each sample on its own, and with one intra-op thread libtorch's kernels
        // do not change their summation order with the batch's size or composition, so the cached
        // outputs equal those computed inside each training batch bit for bit and the suffix then
        // runs the same arithmetic on the same inputs.
        assertEquals(0.0, worst, "largest weight difference, at " + where);
        assertEquals(plain.finalLoss(), cached.finalLoss());
        // The three splits computed once each; a run without a cut never asks.
        assertEquals(expectCached ? 3 : 0, cache.misses());
    }

    @org.junit.jupiter.api.Test
    void runsOfOnePairShareTheirPrefixOutputsAndRunsBeyondTheBoundTrainUncached() {
        Architecture arch = Architectures.build(Architectures.RESNET8, 4, SIZE, CLASSES);
        ImageSet train = images("train", 32, 1);
        ImageSet validation = images("validation", 8, 2);
        ImageSet test = images("test", 16, 3);
        PrefixCache cache = new PrefixCache(64L << 20);
        PrefixCaching caching = new PrefixCaching(cache, "w");
        // Two selections behind the same block boundary (layer3.0), two seeds: one computation.
        for (TrainableSpec s : List.of(spec("layer3.0.conv2", "fc"), spec("layer3.0.bn1"))) {
            for (long seed : new long[] {1, 2}) {
                try (Network net = Networks.create(arch, 5)) {
                    net.setTrainable(s);
                    assertTrue(
                            Trainer.train(net, train, validation, test, CONFIG, seed, caching)
                                    .prefixCached());
                }
            }
        }
        assertEquals(3, cache.misses());
        assertEquals(9, cache.hits());
        // Other weights: their own entries.
        try (Network net = Networks.create(arch, 6)) {
            net.setTrainable(spec("fc"));
            Trainer.train(net, train, validation, test, CONFIG, 1, new PrefixCaching(cache, "v"));
        }
        assertEquals(6, cache.misses());
        // layer3.0's input is 8 x 8 x 8 floats per image, 56 images: 114,688 bytes.
        PrefixCache small = new PrefixCache(114_687);
        try (Network net = Networks.create(arch, 5)) {
            net.setTrainable(spec("layer3.0.conv2"));
            assertFalse(
                    Trainer.train(
                                    net,
                                    train,
                                    validation,
                                    test,
                                    CONFIG,
                                    1,
                                    new PrefixCaching(small, "w"))
                            .prefixCached());
        }
        assertEquals(0, small.misses());
    }

    private static ImageSet images(String name, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * 3 * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % CLASSES;
        }
        return new ImageSet(name, 3, SIZE, SIZE, x, labels, CLASSES);
    }
}
