package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AdaBN ({@link Network#adaptBatchNorm}) against batch statistics computed here in Java. */
class BatchNormAdaptationTest {
    private static final int SIDE = 8;
    private static final int WIDTH = 4;

    private static float[] images(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[count * 3 * SIDE * SIDE];
        for (int i = 0; i < x.length; i++) {
            // Shifted and scaled, so the target statistics are far from the initial 0 / 1.
            x[i] = (float) (2 + 3 * rng.nextGaussian());
        }
        return x;
    }

    /**
     * Per channel of conv1's output (bn1's input, the same in training and inference mode since
     * nothing normalises before it): the mean and unbiased variance over one batch's samples and
     * positions.
     */
    private static double[][] batchStatistics(float[] conv1, int count) {
        int plane = SIDE * SIDE;
        double[] mean = new double[WIDTH];
        double[] variance = new double[WIDTH];
        for (int c = 0; c < WIDTH; c++) {
            double sum = 0;
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < plane; i++) {
                    sum += conv1[(n * WIDTH + c) * plane + i];
                }
            }
            mean[c] = sum / (count * plane);
            double squares = 0;
            for (int n = 0; n < count; n++) {
                for (int i = 0; i < plane; i++) {
                    double d = conv1[(n * WIDTH + c) * plane + i] - mean[c];
                    squares += d * d;
                }
            }
            variance[c] = squares / (count * plane - 1);
        }
        return new double[][] {mean, variance};
    }

    @Test
    void runningStatisticsBecomeTheAverageOfTheBatchStatisticsAndNothingElseMoves() {
        Architecture arch = Architectures.build(Architectures.RESNET8, WIDTH, SIDE, 3);
        int batch = 6;
        // Two full batches and a remainder of 3 that is left out, as in training.
        int count = 2 * batch + 3;
        float[] x = images(count, 11);
        try (Network net = Networks.create(arch, 5)) {
            Map<String, NetworkParameters.Tensor> before = net.parameters().tensors();
            float[] first = net.activations(x, count).get(0);
            net.adaptBatchNorm(x, count, batch);
            Map<String, NetworkParameters.Tensor> after = net.parameters().tensors();

            int perImage = WIDTH * SIDE * SIDE;
            double[][] a = batchStatistics(Arrays.copyOfRange(first, 0, batch * perImage), batch);
            double[][] b =
                    batchStatistics(
                            Arrays.copyOfRange(first, batch * perImage, 2 * batch * perImage),
                            batch);
            float[] mean = after.get("bn1.running_mean").values();
            float[] variance = after.get("bn1.running_var").values();
            for (int c = 0; c < WIDTH; c++) {
                assertEquals((a[0][c] + b[0][c]) / 2, mean[c], 1e-4 * (1 + Math.abs(mean[c])));
                assertEquals((a[1][c] + b[1][c]) / 2, variance[c], 1e-4 * variance[c]);
            }
            for (String key : before.keySet()) {
                boolean statistic = key.endsWith("running_mean") || key.endsWith("running_var");
                if (statistic) {
                    // Every BatchNorm moved off its initial statistics.
                    assertFalse(
                            Arrays.equals(before.get(key).values(), after.get(key).values()), key);
                } else {
                    assertArrayEquals(before.get(key).values(), after.get(key).values(), key);
                }
            }
        }
    }

    @Test
    void aNetworkWithoutBatchNormIsRefused() {
        Architecture vit = Architectures.build(Architectures.VIT_TINY, 8, 32, 3);
        try (Network net = Networks.create(vit, 1)) {
            float[] x = new float[2 * 3 * 32 * 32];
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> net.adaptBatchNorm(x, 2, 2));
            assertTrue(e.getMessage().contains("no BatchNorm"), e.getMessage());
        }
    }
}
