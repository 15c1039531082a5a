package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallVariantsTest {
    private static final int[] LABELS = {0, 1, 2, 3, 0, 1, 2, 3};

    private static float[] images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * 3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void everyRegisteredArchitectureCapturesEveryCandidateLayerAt32x32() {
        for (String name :
                List.of(
                        Architectures.RESNET8,
                        Architectures.RESNET20,
                        Architectures.VGG8,
                        Architectures.MOBILENET_V2_035,
                        Architectures.VIT_TINY)) {
            Architecture arch = Architectures.build(name, 8, 32, 4);
            try (Network net = Networks.create(arch, 3)) {
                List<LayerInfo> layers = net.layers();
                assertEquals(arch.candidates().size(), layers.size(), name);
                List<float[]> acts = net.activations(images(2, 1), 2);
                assertEquals(layers.size(), acts.size(), name);
                for (int i = 0; i < layers.size(); i++) {
                    assertEquals(
                            2 * layers.get(i).outputElements(),
                            acts.get(i).length,
                            layers.get(i).name());
                    assertTrue(layers.get(i).forwardFlops() > 0, layers.get(i).name());
                }
                assertTrue(layers.get(layers.size() - 1).head(), name);
                assertEquals(arch.headName(), layers.get(layers.size() - 1).name());
                assertEquals(4, layers.get(layers.size() - 1).channels(), name);
            }
        }
    }

    @Test
    void everyLayerOfEverySmallArchitectureReceivesAGradientThroughTheWholeGraph() {
        for (String name :
                List.of(
                        Architectures.RESNET8,
                        Architectures.VGG8,
                        Architectures.MOBILENET_V2_035,
                        Architectures.VIT_TINY)) {
            try (Network net = Networks.create(Architectures.build(name, 4, 32, 4), 8)) {
                for (GradientStatistics g :
                        net.gradientStatistics(images(4, 6), new int[] {0, 1, 2, 3}, 4)) {
                    assertTrue(g.gradientNorm() > 0 && g.fisher() > 0, name + " " + g);
                }
                // The first layer alone: its gradient must flow back through every later module.
                String first = net.layers().get(0).name();
                net.setTrainable(List.of(first));
                float[] before = net.parameters().tensors().get(first + ".weight").values();
                net.trainStep(images(8, 7), LABELS, 8, 0.1, 0.9, 0);
                assertFalse(
                        Arrays.equals(
                                before, net.parameters().tensors().get(first + ".weight").values()),
                        name);
            }
        }
    }

    @Test
    void reluAfterFollowsTheGraphNotTheListOrder() {
        Map<String, Boolean> relu = new java.util.HashMap<>();
        for (String name : List.of(Architectures.MOBILENET_V2, Architectures.VGG16)) {
            ModuleWalk.candidates(Architectures.build(name, 1, 224, 1000).root())
                    .forEach(c -> relu.put(c.layer().name(), c.reluAfter()));
        }
        assertTrue(relu.get("features.3.conv.1.1"), "depthwise BatchNorm goes through ReLU6");
        assertFalse(
                relu.get("features.3.conv.3"),
                "the linear bottleneck has no activation, even after the addition");
        assertFalse(relu.get("features.3.conv.2"), "projection convolution");
        assertTrue(relu.get("features.18.1"), "last 1x1 conv-BN-ReLU6");
        assertTrue(relu.get("features.28"), "VGG convolution followed by ReLU");
        assertTrue(relu.get("classifier.3"));
        assertFalse(relu.get("classifier.6"));
    }

    @Test
    void vitCandidatesFollowTorchvisionNamesAndGeluKeepsNoMask() {
        try (Network net =
                Networks.create(Architectures.build(Architectures.VIT_TINY, 1, 32, 4), 3)) {
            List<String> names = net.layers().stream().map(LayerInfo::name).toList();
            assertEquals(
                    List.of(
                            "conv_proj",
                            "encoder.pos_embedding",
                            "encoder.layers.encoder_layer_0.ln_1",
                            "encoder.layers.encoder_layer_0.self_attention",
                            "encoder.layers.encoder_layer_0.ln_2",
                            "encoder.layers.encoder_layer_0.mlp.0",
                            "encoder.layers.encoder_layer_0.mlp.3"),
                    names.subList(0, 7));
            assertTrue(net.layers().stream().noneMatch(LayerInfo::reluAfter));
            LayerInfo tokens = net.layers().get(1);
            assertEquals("embedding", tokens.type());
            assertEquals(65 * 64, tokens.outputElements());
            assertTrue(net.parameters().tensors().containsKey("class_token"));
            Map<String, String> owners = net.architecture().tensorLayers();
            assertEquals(net.parameters().tensors().keySet(), owners.keySet());
            assertEquals("encoder.pos_embedding", owners.get("class_token"));
            assertEquals(2, net.architecture().tensorSpecs().get("class_token").channelAxis());
            assertEquals(
                    "encoder.layers.encoder_layer_2.self_attention",
                    owners.get("encoder.layers.encoder_layer_2.self_attention.out_proj.weight"));
            assertTrue(
                    net.parameters()
                            .tensors()
                            .containsKey(
                                    "encoder.layers.encoder_layer_3.self_attention.in_proj_weight"));
        }
    }

    @Test
    void tokenActivationsAreChannelMajorLikeFeatureMaps() {
        try (Network net =
                Networks.create(Architectures.build(Architectures.VIT_TINY, 1, 32, 4), 9)) {
            // On black images every patch token is conv_proj's bias, so token s, feature d is
            // (s == 0 ? class_token[d] : bias[d]) + pos_embedding[s, d].
            float[] tokens = net.activations(new float[3 * 32 * 32], 1).get(1);
            Map<String, NetworkParameters.Tensor> p = net.parameters().tensors();
            float[] cls = p.get("class_token").values();
            float[] bias = p.get("conv_proj.bias").values();
            float[] pos = p.get("encoder.pos_embedding").values();
            int s = 65;
            for (int d = 0; d < 64; d++) {
                for (int t = 0; t < s; t++) {
                    float expected = (t == 0 ? cls[d] : bias[d]) + pos[t * 64 + d];
                    assertEquals(
                            expected, tokens[d * s + t], 1e-6, "feature " + d + ", token " + t);
                }
            }
        }
    }

    @Test
    void maskedAttentionAndTokenChannelsKeepTheirValues() {
        try (Network net =
                Networks.create(Architectures.build(Architectures.VIT_TINY, 1, 32, 4), 5)) {
            boolean[] mask = new boolean[64];
            for (int i = 0; i < mask.length; i += 3) {
                mask[i] = true;
            }
            String attention = "encoder.layers.encoder_layer_1.self_attention";
            net.setTrainable(
                    new TrainableSpec(
                            Set.of(attention, "encoder.pos_embedding"),
                            Set.of(),
                            Map.of(attention, mask, "encoder.pos_embedding", mask)));
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            net.trainStep(images(8, 2), LABELS, 8, 0.5, 0.9, 0);
            net.trainStep(images(8, 3), LABELS, 8, 0.5, 0.9, 0);
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
            for (String key :
                    List.of(
                            attention + ".in_proj_weight",
                            attention + ".out_proj.bias",
                            "encoder.pos_embedding")) {
                float[] b = before.get(key).values();
                float[] a = after.get(key).values();
                boolean lastAxis = key.equals("encoder.pos_embedding");
                long[] shape = before.get(key).shape();
                int rowLength = shape.length == 1 ? 1 : (int) (b.length / shape[0]);
                boolean anyMoved = false;
                for (int i = 0; i < b.length; i++) {
                    int channel = lastAxis ? i % 64 : (i / rowLength) % 64;
                    if (!mask[channel]) {
                        assertEquals(b[i], a[i], key + " element " + i);
                    } else {
                        anyMoved |= a[i] != b[i];
                    }
                }
                assertTrue(anyMoved, key);
            }
            assertTrue(
                    Arrays.equals(
                            before.get("encoder.layers.encoder_layer_0.mlp.0.weight").values(),
                            after.get("encoder.layers.encoder_layer_0.mlp.0.weight").values()));
        }
    }

    @Test
    void biasOnlyTrainsLayerNormShiftAndAttentionBiases() {
        try (Network net =
                Networks.create(Architectures.build(Architectures.VIT_TINY, 1, 32, 4), 6)) {
            String p = "encoder.layers.encoder_layer_0.";
            net.setTrainable(
                    new TrainableSpec(
                            Set.of(), Set.of(p + "ln_1", p + "self_attention"), Map.of()));
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            net.trainStep(images(8, 4), LABELS, 8, 0.5, 0.9, 0);
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();
            Set<String> moving =
                    Set.of(
                            p + "ln_1.bias",
                            p + "self_attention.in_proj_bias",
                            p + "self_attention.out_proj.bias");
            for (String key : before.keySet()) {
                boolean changed = !Arrays.equals(before.get(key).values(), after.get(key).values());
                assertEquals(moving.contains(key), changed, key);
            }
            assertFalse(net.gradientStatistics(images(4, 5), new int[] {0, 1, 2, 3}, 4).isEmpty());
        }
    }
}
