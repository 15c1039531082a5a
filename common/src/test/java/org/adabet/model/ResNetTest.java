package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResNetTest {
    private static float[] images(int count, int size, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * 3 * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @Test
    void torchvisionResNetsHaveTorchvisionsParameterCountsAndTensorNames() {
        assertEquals(11_689_512L, ResNets.resnet18(224, 1000).parameterCount());
        assertEquals(25_557_032L, ResNets.resnet50(224, 1000).parameterCount());
        try (Network net =
                Networks.create(Architectures.build(Architectures.RESNET18, 1, 224, 1000), 1)) {
            Map<String, NetworkParameters.Tensor> t = net.parameters().tensors();
            assertEquals(11_689_512L, net.layers().stream().mapToLong(LayerInfo::parameters).sum());
            assertEquals(List.of(64L, 64L, 3L, 3L), toList(t.get("layer1.0.conv1.weight").shape()));
            assertEquals(
                    List.of(128L, 64L, 1L, 1L),
                    toList(t.get("layer2.0.downsample.0.weight").shape()));
            assertTrue(t.containsKey("layer4.1.bn2.running_var"));
            assertEquals(List.of(1000L, 512L), toList(t.get("fc.weight").shape()));
            // 20 convolutions, 20 BatchNorms, the head.
            assertEquals(41, net.layers().size());
            assertEquals("fc", net.layers().get(40).name());
            assertTrue(net.layers().get(40).head());
        }
    }

    @Test
    void capturedActivationsKeepEveryResidualPath() {
        Architecture arch = Architectures.build(Architectures.RESNET20, 4, 16, 3);
        try (Network net = Networks.create(arch, 5)) {
            // Give BatchNorm non-trivial statistics so that every path matters.
            net.setTrainable(List.of("layer1.0.bn1"));
            net.trainStep(images(8, 16, 2), new int[] {0, 1, 2, 0, 1, 2, 0, 1}, 8, 0.1, 0.9, 0);
            Map<String, float[]> acts = new HashMap<>();
            float[] x = images(2, 16, 3);
            List<float[]> captured = net.activations(x, 2);
            List<LayerInfo> layers = net.layers();
            for (int i = 0; i < layers.size(); i++) {
                acts.put(layers.get(i).name(), captured.get(i));
            }
            // Stage 3: a projection block followed by two identity blocks, each out = relu(bn2 +
            // shortcut).
            float[] block = reluSum(acts.get("layer3.0.bn2"), acts.get("layer3.0.downsample.1"));
            block = reluSum(acts.get("layer3.1.bn2"), block);
            block = reluSum(acts.get("layer3.2.bn2"), block);
            Map<String, NetworkParameters.Tensor> p = net.parameters().tensors();
            float[] logits =
                    linear(
                            globalAverage(block, 2, 16),
                            p.get("fc.weight").values(),
                            p.get("fc.bias").values(),
                            16,
                            3);
            float[] capturedLogits = acts.get("fc");
            for (int i = 0; i < logits.length; i++) {
                assertEquals(logits[i], capturedLogits[i], 1e-4, "logit " + i);
            }
            // The ReLU after each addition keeps one mask: carried by the projection shortcut's
            // BatchNorm where there is one, else by bn2.
            Map<String, Boolean> relu = new HashMap<>();
            layers.forEach(l -> relu.put(l.name(), l.reluAfter()));
            for (LayerInfo l : layers) {
                if (l.name().endsWith("bn2")) {
                    String shortcut = l.name().replace("bn2", "downsample.1");
                    boolean projection = relu.containsKey(shortcut);
                    assertEquals(!projection, l.reluAfter(), l.name());
                    assertTrue(!projection || relu.get(shortcut), shortcut);
                }
            }
        }
    }

    @Test
    void replacingTheHeadKeepsEveryOtherTensor() {
        Architecture source = Architectures.build(Architectures.RESNET8, 4, 16, 10);
        Architecture target = Architectures.build(Architectures.RESNET8, 4, 16, 3);
        try (Network net = Networks.create(source, 1);
                Network moved = Networks.load(target, net.parameters(), true, 2)) {
            Map<String, NetworkParameters.Tensor> a = net.parameters().tensors();
            Map<String, NetworkParameters.Tensor> b = moved.parameters().tensors();
            assertEquals(a.keySet(), b.keySet());
            for (String k : a.keySet()) {
                if (!k.startsWith("fc.")) {
                    assertEquals(toList(a.get(k).values()), toList(b.get(k).values()), k);
                }
            }
            assertEquals(3 * 16, b.get("fc.weight").values().length);
        }
    }

    private static float[] reluSum(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.max(0, a[i] + b[i]);
        }
        return out;
    }

    private static float[] globalAverage(float[] x, int count, int channels) {
        int spatial = x.length / count / channels;
        float[] out = new float[count * channels];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < spatial; j++) {
                s += x[i * spatial + j];
            }
            out[i] = (float) (s / spatial);
        }
        return out;
    }

    private static float[] linear(float[] x, float[] w, float[] b, int in, int out) {
        int count = x.length / in;
        float[] y = new float[count * out];
        for (int n = 0; n < count; n++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < in; i++) {
                    s += w[o * in + i] * x[n * in + i];
                }
                y[n * out + o] = (float) s;
            }
        }
        return y;
    }

    static List<Long> toList(long[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    static List<Float> toList(float[] a) {
        List<Float> out = new java.util.ArrayList<>();
        for (float v : a) {
            out.add(v);
        }
        return out;
    }
}
