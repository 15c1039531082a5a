package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A network the pool lends again after a task must be indistinguishable from one built afresh: same
 * tensors, and the same training afterwards gives bit-identical weights, whatever the earlier task
 * did (full training with momentum, a channel-masked layer, BatchNorm re-estimation, gradient
 * statistics).
 */
class NetworkPoolTest {
    private static final int SIZE = 16;
    private static final int BATCH = 8;
    private static final String WEIGHTS = "test-weights";

    @Test
    void aResetNetworkTrainsExactlyAsAFreshOne() {
        for (String name : List.of(Architectures.CONVNET_S, Architectures.RESNET8)) {
            Architecture source = Architectures.build(name, 4, SIZE, 5);
            Architecture target = Architectures.build(name, 4, SIZE, 3);
            NetworkParameters pretrained;
            try (Network net = Networks.create(source, 7)) {
                pretrained = net.parameters();
            }
            NetworkPool pool = new NetworkPool(2, 1L << 30);
            String middle = middleLayer(target);
            // Earlier tasks on the pooled network, each leaving different state behind.
            try (Network net = pool.borrow(target, WEIGHTS, () -> pretrained, true, 11)) {
                net.setTrainable(net.layers().stream().map(LayerInfo::name).toList());
                train(net, 3, 1);
            }
            try (Network net = pool.borrow(target, WEIGHTS, () -> pretrained, true, 12)) {
                boolean[] mask = new boolean[channels(net, middle)];
                mask[0] = true;
                net.setTrainable(new TrainableSpec(Set.of(middle), Set.of(), Map.of(middle, mask)));
                train(net, 2, 2);
                net.adaptBatchNorm(images(new SplittableRandom(3)), BATCH, BATCH);
            }
            try (Network net = pool.borrow(target, WEIGHTS, () -> pretrained, true, 13)) {
                net.setTrainable(List.of(middle, target.headName()));
                float[] x = images(new SplittableRandom(4));
                // Gradients of every layer taken (and zeroed) between training steps.
                net.gradientStatistics(x, labels(new SplittableRandom(4)), BATCH);
                train(net, 1, 4);
            }
            assertEquals(1, pool.built(), name + ": " + pool.describe());

            for (List<String> trainable :
                    List.of(List.of(target.headName()), List.of(middle, target.headName()))) {
                NetworkParameters fresh;
                try (Network net = Networks.load(target, pretrained, true, 21)) {
                    assertTensorsEqual(
                            net.parameters(),
                            reset(pool, target, pretrained, 21),
                            name + " before training");
                    net.setTrainable(trainable);
                    train(net, 3, 5);
                    fresh = net.parameters();
                }
                try (Network net = pool.borrow(target, WEIGHTS, () -> pretrained, true, 21)) {
                    net.setTrainable(trainable);
                    train(net, 3, 5);
                    assertTensorsEqual(fresh, net.parameters(), name + " " + trainable);
                }
            }
            assertEquals(1, pool.built(), name + ": " + pool.describe());
        }
    }

    @Test
    void boundsAreKeptAndAClosedNetworkIsLentOnce() {
        Architecture a = Architectures.build(Architectures.CONVNET_S, 4, SIZE, 3);
        NetworkParameters pretrained;
        try (Network net = Networks.create(a, 1)) {
            pretrained = net.parameters();
        }
        NetworkPool pool = new NetworkPool(1, 1L << 30);
        Network first = pool.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        Network second = pool.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        assertNotSame(first, second);
        first.close();
        first.close(); // closing twice must not put it in the pool twice
        second.close(); // beyond maxIdle = 1: freed
        Network again = pool.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        Network other = pool.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        assertNotSame(again, other);
        assertEquals(3, pool.built(), pool.describe());
        assertEquals(1, pool.reused(), pool.describe());
        again.close();
        other.close();

        // A network whose step stopped half-way (here: a diverged loss) is not lent again.
        NetworkPool one = new NetworkPool(1, 1L << 30);
        try (Network net = one.borrow(a, WEIGHTS, () -> pretrained, false, 0)) {
            net.setTrainable(List.of(a.headName()));
            float[] x = images(new SplittableRandom(1));
            x[0] = Float.NaN;
            assertThrows(
                    IllegalStateException.class,
                    () -> net.trainStep(x, labels(new SplittableRandom(1)), BATCH, 0.05, 0.9, 0));
        }
        one.borrow(a, WEIGHTS, () -> pretrained, false, 0).close();
        assertEquals(2, one.built(), one.describe());
        one.borrow(a, WEIGHTS, () -> pretrained, false, 0).close();
        assertEquals(1, one.reused(), one.describe());

        NetworkPool none = new NetworkPool(0, 1L << 30);
        Network n = none.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        n.close();
        Network m = none.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        m.close();
        assertEquals(2, none.built(), none.describe());

        NetworkPool tiny = new NetworkPool(4, 16);
        tiny.borrow(a, WEIGHTS, () -> pretrained, false, 0).close();
        Network p = tiny.borrow(a, WEIGHTS, () -> pretrained, false, 0);
        p.close();
        assertEquals(2, tiny.built(), "a network above the byte bound is never kept");
        assertSame(0L, tiny.reused());
    }

    private static NetworkParameters reset(
            NetworkPool pool, Architecture target, NetworkParameters pretrained, long headSeed) {
        try (Network net = pool.borrow(target, WEIGHTS, () -> pretrained, true, headSeed)) {
            return net.parameters();
        }
    }

    private static void assertTensorsEqual(
            NetworkParameters expected, NetworkParameters actual, String what) {
        assertEquals(expected.tensors().keySet(), actual.tensors().keySet(), what);
        expected.tensors()
                .forEach(
                        (key, t) ->
                                assertArrayEquals(
                                        t.values(),
                                        actual.tensors().get(key).values(),
                                        what + " " + key));
    }

    private static String middleLayer(Architecture a) {
        List<LayerSpec> c = a.candidates();
        return c.get(c.size() / 2).kind() == LayerSpec.Kind.CONV
                ? c.get(c.size() / 2).name()
                : c.stream()
                        .filter(l -> l.kind() == LayerSpec.Kind.CONV)
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .name();
    }

    private static int channels(Network net, String layer) {
        return net.layers().stream()
                .filter(l -> l.name().equals(layer))
                .findFirst()
                .orElseThrow()
                .channels();
    }

    private static void train(Network net, int steps, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < steps; i++) {
            net.trainStep(images(rng), labels(rng), BATCH, 0.05, 0.9, 5e-4);
        }
    }

    private static float[] images(SplittableRandom rng) {
        return RandomBatches.images(rng, BATCH, SIZE);
    }

    private static int[] labels(SplittableRandom rng) {
        return RandomBatches.labels(rng, BATCH, 3);
    }
}
