package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Two threads training two networks at once (as Spark tasks sharing an executor do) must end
 * exactly where the same training done alone ends: autograd recording, the backward pass and the
 * gradients of one thread never see the other's. Every step starts on both threads together (a
 * barrier), so the forward and backward passes overlap. libtorch runs one intra-op thread (the
 * project default), so the arithmetic order is the same either way and the check is bit-exact.
 */
class ConcurrentTrainingTest {
    private static final int SIZE = 16;
    private static final int BATCH = 8;
    private static final int STEPS = 6;

    /** One job: an architecture, its seeds and the layers it trains. */
    private record Job(String architecture, long seed, List<String> trainable) {}

    /** Where a job ends: every tensor and the gradient statistics taken after training. */
    private record Outcome(
            Map<String, NetworkParameters.Tensor> tensors,
            List<GradientStatistics> statistics,
            double lastLoss) {}

    private static final Job CONVNET =
            new Job(Architectures.CONVNET_S, 5, List.of("features.1.conv", "classifier"));
    // Residual blocks and the full network: every parameter takes a gradient.
    private static final Job RESNET = new Job(Architectures.RESNET8, 9, null);

    @Test
    void twoNetworksTrainedAtOnceEndBitIdenticalToEachTrainedAlone() throws Exception {
        assertEquals(
                "1",
                System.getProperty("ai.djl.pytorch.num_threads", "1"),
                "bit-identity needs one libtorch intra-op thread (the project default)");
        Outcome convnetAlone = run(CONVNET, null);
        Outcome resnetAlone = run(RESNET, null);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> convnet = pool.submit(() -> run(CONVNET, together));
            Future<Outcome> resnet = pool.submit(() -> run(RESNET, together));
            assertSame(convnetAlone, convnet.get(10, TimeUnit.MINUTES), "convnet_s");
            assertSame(resnetAlone, resnet.get(10, TimeUnit.MINUTES), "resnet8");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSame(Outcome alone, Outcome together, String what) {
        assertEquals(alone.tensors().keySet(), together.tensors().keySet(), what);
        alone.tensors()
                .forEach(
                        (name, tensor) ->
                                assertArrayEquals(
                                        tensor.values(),
                                        together.tensors().get(name).values(),
                                        what + " " + name));
        assertEquals(alone.statistics(), together.statistics(), what + " gradient statistics");
        assertEquals(alone.lastLoss(), together.lastLoss(), what + " loss");
    }

    /** Trains {@code job}; with a barrier, every pass waits for the other thread first. */
    private static Outcome run(Job job, CyclicBarrier barrier)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Architecture arch = Architectures.build(job.architecture(), 4, SIZE, 5);
        try (Network net = Networks.create(arch, job.seed())) {
            List<String> trainable =
                    job.trainable() != null
                            ? job.trainable()
                            : net.layers().stream().map(LayerInfo::name).toList();
            net.setTrainable(trainable);
            SplittableRandom rng = new SplittableRandom(job.seed() * 31);
            double loss = Double.NaN;
            for (int step = 0; step < STEPS; step++) {
                float[] x = images(rng);
                int[] y = labels(rng);
                await(barrier);
                loss = net.trainStep(x, y, BATCH, 0.05, 0.9, 5e-4);
                assertFalse(
                        ai.djl.pytorch.jni.JniUtils.isGradMode(),
                        "grad mode left on after a training step");
            }
            float[] x = images(rng);
            int[] y = labels(rng);
            await(barrier);
            List<GradientStatistics> statistics = net.gradientStatistics(x, y, BATCH);
            return new Outcome(net.parameters().tensors(), new ArrayList<>(statistics), loss);
        }
    }

    private static void await(CyclicBarrier barrier)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        if (barrier != null) {
            barrier.await(5, TimeUnit.MINUTES);
        }
    }

    private static float[] images(SplittableRandom rng) {
        return RandomBatches.images(rng, BATCH, SIZE);
    }

    private static int[] labels(SplittableRandom rng) {
        return RandomBatches.labels(rng, BATCH, 5);
    }
}
