package org.adabet.data.io;

/**
 * Separable bilinear resampling with Pillow's antialiasing: when shrinking, the triangle filter is
 * widened by the scale factor so every source pixel contributes (Pillow's {@code ImagingResample},
 * which torchvision uses for PIL images and imitates for tensors with {@code antialias=True}).
 * Values are kept in floating point between the two passes where Pillow rounds to 8 bits, so
 * results may differ from Pillow's by about one grey level.
 *
 * <p>One instance resizes planes of one size to one size and keeps only a window of the result, so
 * a centre crop costs only the pixels it keeps; it is reused for the three channels (and, for
 * CIFAR, for every image).
 */
final class Resampler {
    private final int width;
    private final int height;
    private final int x0;
    private final int cropWidth;
    private final int y0;
    private final int cropHeight;

    /** Null where that axis keeps its size. */
    private final Coefficients horizontal;

    private final Coefficients vertical;

    /** The input rows the vertical pass reads. */
    private final int rowFrom;

    private final int rowTo;

    /**
     * Resizes {@code width x height} planes to {@code newWidth x newHeight} and keeps the window of
     * {@code cropWidth x cropHeight} output pixels from column {@code x0}, row {@code y0}.
     */
    Resampler(
            int width,
            int height,
            int newWidth,
            int newHeight,
            int x0,
            int cropWidth,
            int y0,
            int cropHeight) {
        if (x0 < 0 || y0 < 0 || x0 + cropWidth > newWidth || y0 + cropHeight > newHeight) {
            throw new IllegalArgumentException(
                    "window "
                            + cropWidth
                            + "x"
                            + cropHeight
                            + " at ("
                            + x0
                            + ", "
                            + y0
                            + ") is outside a "
                            + newWidth
                            + "x"
                            + newHeight
                            + " image");
        }
        this.width = width;
        this.height = height;
        this.x0 = x0;
        this.cropWidth = cropWidth;
        this.y0 = y0;
        this.cropHeight = cropHeight;
        this.horizontal = width == newWidth ? null : Coefficients.of(width, newWidth);
        this.vertical = height == newHeight ? null : Coefficients.of(height, newHeight);
        if (vertical == null) {
            rowFrom = y0;
            rowTo = y0 + cropHeight;
        } else {
            int from = Integer.MAX_VALUE;
            int to = 0;
            for (int y = y0; y < y0 + cropHeight; y++) {
                from = Math.min(from, vertical.first[y]);
                to = Math.max(to, vertical.first[y] + vertical.weights[y].length);
            }
            rowFrom = cropHeight == 0 ? 0 : from;
            rowTo = cropHeight == 0 ? 0 : to;
        }
    }

    /** A whole-image resize. */
    static float[] resize(float[] plane, int width, int height, int newWidth, int newHeight) {
        return new Resampler(width, height, newWidth, newHeight, 0, newWidth, 0, newHeight)
                .apply(plane);
    }

    /** The window of the resized plane, row-major, {@code cropWidth x cropHeight} values. */
    float[] apply(float[] plane) {
        int rows = rowTo - rowFrom;
        // Horizontal pass over only the rows the vertical pass will read, only the window's
        // columns.
        float[] mid = new float[rows * cropWidth];
        for (int r = 0; r < rows; r++) {
            int in = (rowFrom + r) * width;
            for (int x = 0; x < cropWidth; x++) {
                if (horizontal == null) {
                    mid[r * cropWidth + x] = plane[in + x0 + x];
                } else {
                    double[] w = horizontal.weights[x0 + x];
                    int base = in + horizontal.first[x0 + x];
                    double sum = 0;
                    for (int i = 0; i < w.length; i++) {
                        sum += w[i] * plane[base + i];
                    }
                    mid[r * cropWidth + x] = (float) sum;
                }
            }
        }
        if (vertical == null) {
            return mid;
        }
        float[] out = new float[cropWidth * cropHeight];
        double[] sums = new double[cropWidth];
        for (int y = 0; y < cropHeight; y++) {
            double[] w = vertical.weights[y0 + y];
            int base = vertical.first[y0 + y] - rowFrom;
            java.util.Arrays.fill(sums, 0);
            for (int i = 0; i < w.length; i++) {
                int row = (base + i) * cropWidth;
                for (int x = 0; x < cropWidth; x++) {
                    sums[x] += w[i] * mid[row + x];
                }
            }
            for (int x = 0; x < cropWidth; x++) {
                out[y * cropWidth + x] = (float) sums[x];
            }
        }
        return out;
    }

    /**
     * For each output position: the first input index and the normalised weights that follow it.
     */
    private record Coefficients(int[] first, double[][] weights) {
        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the triangle filter's support is 1
            int[] first = new int[outSize];
            double[][] weights = new double[outSize][];
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                // (int) truncates toward zero like Pillow's C cast; the clamps then bound it.
                int min = Math.max((int) (center - support + 0.5), 0);
                int max = Math.min((int) (center + support + 0.5), inSize);
                double[] w = new double[max - min];
                double total = 0;
                for (int i = 0; i < w.length; i++) {
                    w[i] = triangle((i + min - center + 0.5) / filterScale);
                    total += w[i];
                }
                for (int i = 0; i < w.length && total != 0; i++) {
                    w[i] /= total;
                }
                first[o] = min;
                weights[o] = w;
            }
            return new Coefficients(first, weights);
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    }
}
