package org.adabet.data.io;

/**
 * Separable bilinear resampling with Pillow's antialiasing: when shrinking, the triangle filter
 * is widened by the scale factor so every source pixel contributes (Pillow's
 * {@code ImagingResample}, which torchvision uses for PIL images and imitates for tensors with
 * {@code antialias=True}). Values are kept in floating point between the two passes where Pillow
 * rounds to 8 bits, so results may differ from Pillow's by about one grey level.
 */
final class Resampler {
    private Resampler() {}

    /** Resizes a {@code width x height} row-major plane to {@code newWidth x newHeight}. */
    static float[] resize(float[] plane, int width, int height, int newWidth, int newHeight) {
        float[] rows = width == newWidth ? plane : horizontal(plane, width, height, newWidth);
        return height == newHeight ? rows : vertical(rows, newWidth, height, newHeight);
    }

    private static float[] horizontal(float[] in, int width, int height, int newWidth) {
        Coefficients k = Coefficients.of(width, newWidth);
        float[] out = new float[newWidth * height];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < newWidth; x++) {
                double sum = 0;
                int base = k.first[x];
                for (int i = 0; i < k.count[x]; i++) {
                    sum += k.weights[x][i] * in[row + base + i];
                }
                out[y * newWidth + x] = (float) sum;
            }
        }
        return out;
    }

    private static float[] vertical(float[] in, int width, int height, int newHeight) {
        Coefficients k = Coefficients.of(height, newHeight);
        float[] out = new float[width * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int base = k.first[y];
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (int i = 0; i < k.count[y]; i++) {
                    sum += k.weights[y][i] * in[(base + i) * width + x];
                }
                out[y * width + x] = (float) sum;
            }
        }
        return out;
    }

    /** For each output position: the first input index, how many follow, and their normalised weights. */
    private record Coefficients(int[] first, int[] count, double[][] weights) {
        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the triangle filter's support is 1
            int[] first = new int[outSize];
            int[] count = new int[outSize];
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
                count[o] = w.length;
                weights[o] = w;
            }
            return new Coefficients(first, count, weights);
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1 ? 1 - a : 0;
        }
    }
}
