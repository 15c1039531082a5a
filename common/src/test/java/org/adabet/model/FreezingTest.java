package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FreezingTest {
    private static final Architecture ARCH = Architectures.build(Architectures.CONVNET_S, 4, 16, 5);

    private static float[] images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * 3 * 16 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void frozenWeightsAndBatchNormStatisticsStayBitIdenticalWhileTrainedLayersMove() {
        try (Network net = Networks.create(ARCH, 7)) {
            List<String> train = List.of("features.2.conv", "features.3.bn", "classifier");
            net.setTrainable(train);
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            int[] labels = {0, 1, 2, 3, 4, 0, 1, 2};
            for (int step = 0; step < 3; step++) {
                net.trainStep(images(8, step), labels, 8, 0.1, 0.9, 5e-4);
            }
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
            for (String name : before.keySet()) {
                String layer = name.substring(0, name.lastIndexOf('.'));
                boolean changed =
                        !Arrays.equals(before.get(name).values(), after.get(name).values());
                if (train.contains(layer)) {
                    assertTrue(changed, "trainable tensor did not move: " + name);
                } else {
                    assertFalse(changed, "frozen tensor moved: " + name);
                }
            }
        }
    }

    @Test
    void sameSeedGivesSameInitialisationAndSameTrainingTrajectory() {
        float[] first;
        float[] second;
        try (Network a = Networks.create(ARCH, 3);
                Network b = Networks.create(ARCH, 3)) {
            for (Network n : List.of(a, b)) {
                n.setTrainable(List.of("features.0.conv", "features.0.bn", "classifier"));
                n.trainStep(images(8, 1), new int[] {0, 1, 2, 3, 4, 0, 1, 2}, 8, 0.05, 0.9, 0);
            }
            first = a.parameters().tensors().get("features.0.conv.weight").values();
            second = b.parameters().tensors().get("features.0.conv.weight").values();
        }
        assertArrayEquals(first, second);
    }

    @Test
    void activationsCoverEveryCandidateLayerWithItsSizeAndMatchThePredictionPath() {
        try (Network net = Networks.create(ARCH, 11)) {
            List<LayerInfo> layers = net.layers();
            assertEquals(11, layers.size());
            assertEquals("features.0.conv", layers.get(0).name());
            assertTrue(layers.get(10).head());
            float[] x = images(4, 5);
            List<float[]> acts = net.activations(x, 4);
            for (int i = 0; i < layers.size(); i++) {
                assertEquals(
                        4 * layers.get(i).outputElements(),
                        acts.get(i).length,
                        layers.get(i).name());
            }
            assertEquals(4 * 16 * 16 * 4, layers.get(0).outputElements() * 4);
            float[] logits = acts.get(10);
            int[] predicted = net.predict(x, 4);
            for (int s = 0; s < 4; s++) {
                int best = 0;
                for (int k = 1; k < 5; k++) {
                    if (logits[s * 5 + k] > logits[s * 5 + best]) {
                        best = k;
                    }
                }
                assertEquals(best, predicted[s]);
            }
        }
    }

    @Test
    void parameterRoundTripThroughBytesAndHeadReplacement() {
        try (Network net = Networks.create(ARCH, 5)) {
            NetworkParameters params =
                    NetworkParameters.fromBytes(net.parameters().toBytes(), "test");
            Architecture wider = Architectures.build(Architectures.CONVNET_S, 4, 16, 7);
            try (Network copy = Networks.load(ARCH, params, false, 99);
                    Network newHead = Networks.load(wider, params, true, 99)) {
                assertArrayEquals(
                        net.activations(images(2, 9), 2).get(9),
                        copy.activations(images(2, 9), 2).get(9));
                assertArrayEquals(
                        params.tensors().get("features.4.bn.running_var").values(),
                        newHead.parameters().tensors().get("features.4.bn.running_var").values());
                assertEquals(
                        7 * 16,
                        newHead.parameters().tensors().get("classifier.weight").values().length);
            }
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> Networks.load(wider, params, false, 1));
            assertTrue(e.getMessage().contains("classifier.weight"), e.getMessage());
        }
    }

    @Test
    void unknownLayerNameIsRejectedWithTheName() {
        try (Network net = Networks.create(ARCH, 1)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> net.setTrainable(List.of("features.9.conv")));
            assertTrue(e.getMessage().contains("features.9.conv"));
        }
    }

    @Test
    void maskedChannelsKeepTheirValuesWhileTheOthersTrain() {
        try (Network net = Networks.create(ARCH, 21)) {
            boolean[] mask = {true, false, true, false};
            net.setTrainable(
                    new TrainableSpec(
                            java.util.Set.of("features.0.conv", "features.0.bn"),
                            java.util.Set.of(),
                            Map.of("features.0.conv", mask)));
            float[] before = net.parameters().tensors().get("features.0.conv.weight").values();
            for (int step = 0; step < 2; step++) {
                net.trainStep(
                        images(8, step), new int[] {0, 1, 2, 3, 4, 0, 1, 2}, 8, 0.1, 0.9, 5e-4);
            }
            float[] after = net.parameters().tensors().get("features.0.conv.weight").values();
            int perChannel = before.length / 4;
            for (int c = 0; c < 4; c++) {
                float[] b = Arrays.copyOfRange(before, c * perChannel, (c + 1) * perChannel);
                float[] a = Arrays.copyOfRange(after, c * perChannel, (c + 1) * perChannel);
                assertEquals(!mask[c], Arrays.equals(a, b), "channel " + c);
            }
        }
    }

    @Test
    void biasOnlyTrainsJustTheBias() {
        try (Network net = Networks.create(ARCH, 22)) {
            net.setTrainable(
                    new TrainableSpec(
                            java.util.Set.of(), java.util.Set.of("classifier"), Map.of()));
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            net.trainStep(images(8, 3), new int[] {0, 1, 2, 3, 4, 0, 1, 2}, 8, 0.1, 0.9, 0);
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
            for (String name : before.keySet()) {
                boolean changed =
                        !Arrays.equals(before.get(name).values(), after.get(name).values());
                assertEquals(name.equals("classifier.bias"), changed, name);
            }
        }
    }

    @Test
    void gradientStatisticsChangeNothingAndMatchTheHeadsFisherByHand() {
        try (Network net = Networks.create(ARCH, 23)) {
            net.setTrainable(List.of("classifier"));
            float[] x = images(6, 4);
            int[] labels = {0, 1, 2, 3, 4, 0};
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            List<GradientStatistics> stats = net.gradientStatistics(x, labels, 6);
            List<GradientStatistics> again = net.gradientStatistics(x, labels, 6);
            assertEquals(stats, again, "gradients must not accumulate between calls");
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
            for (String name : before.keySet()) {
                assertArrayEquals(before.get(name).values(), after.get(name).values(), name);
            }
            assertEquals(11, stats.size());
            stats.forEach(
                    s -> assertTrue(s.gradientNorm() > 0 && s.parameterNorm() > 0, s.toString()));
            // Head: dL/dz = (softmax(z) - onehot) / N for the mean cross-entropy.
            float[] z = net.activations(x, 6).get(10);
            double fisher = 0;
            for (int n = 0; n < 6; n++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < 5; c++) {
                    max = Math.max(max, z[n * 5 + c]);
                }
                double sum = 0;
                for (int c = 0; c < 5; c++) {
                    sum += Math.exp(z[n * 5 + c] - max);
                }
                for (int c = 0; c < 5; c++) {
                    double g = (Math.exp(z[n * 5 + c] - max) / sum - (labels[n] == c ? 1 : 0)) / 6;
                    fisher += 0.5 * Math.pow(z[n * 5 + c] * g, 2);
                }
            }
            assertEquals(fisher, stats.get(10).fisher(), 1e-5 * fisher);
            // Training afterwards still trains only the head.
            net.trainStep(x, labels, 6, 0.1, 0.9, 0);
            assertArrayEquals(
                    before.get("features.0.conv.weight").values(),
                    net.parameters().tensors().get("features.0.conv.weight").values());
        }
    }
}
