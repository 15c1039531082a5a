package org.adabet.stats;

/**
 * Linear centred kernel alignment of two representations of the same n samples (Kornblith, Norouzi,
 * Lee and Hinton, "Similarity of Neural Network Representations Revisited", ICML 2019):
 *
 * <pre>
 *   CKA(X, Y) = &lt;Kc, Lc&gt;_F / (||Kc||_F ||Lc||_F),   K = X X^T, L = Y Y^T, Kc = H K H, H = I - 11^T/n
 * </pre>
 *
 * which equals ||Yc^T Xc||_F^2 / (||Xc^T Xc||_F ||Yc^T Yc||_F) with column-centred Xc, Yc. It is in
 * [0, 1], invariant to orthogonal transforms and isotropic scaling of either side, and needs only n
 * x n Gram matrices (n = 32 samples here; D may be 10^5). A side with no variance (every sample the
 * same) shares no structure: CKA 0, or 1 when both sides have none.
 */
public final class LinearCka {
    private LinearCka() {}

    /**
     * @param x n samples of p values, sample after sample
     * @param y n samples of q values, sample after sample
     */
    public static double of(float[] x, float[] y, int n) {
        if (n < 2 || x.length % n != 0 || y.length % n != 0) {
            throw new IllegalArgumentException(
                    "linear CKA needs n >= 2 samples of whole rows, had n = "
                            + n
                            + ", "
                            + x.length
                            + " and "
                            + y.length
                            + " values");
        }
        double[][] k = centredGram(x, n);
        double[][] l = centredGram(y, n);
        boolean flatX = flat(k, x);
        boolean flatY = flat(l, y);
        if (flatX || flatY) {
            return flatX && flatY ? 1 : 0;
        }
        double kl = 0;
        double kk = 0;
        double ll = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kl += k[i][j] * l[i][j];
                kk += k[i][j] * k[i][j];
                ll += l[i][j] * l[i][j];
            }
        }
        return Math.min(1, Math.max(0, kl / Math.sqrt(kk * ll)));
    }

    private static boolean flat(double[][] centred, float[] values) {
        double variance = 0;
        for (int i = 0; i < centred.length; i++) {
            variance += centred[i][i];
        }
        double norm = 0;
        for (float v : values) {
            norm += (double) v * v;
        }
        return variance <= 1e-10 * norm;
    }

    /** H (X X^T) H for the rows of {@code values}. */
    static double[][] centredGram(float[] values, int n) {
        int p = values.length / n;
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < p; c++) {
                    dot += (double) values[i * p + c] * values[j * p + c];
                }
                g[i][j] = dot;
                g[j][i] = dot;
            }
        }
        double[] rowMean = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowMean[i] += g[i][j];
            }
            total += rowMean[i];
            rowMean[i] /= n;
        }
        total /= (double) n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = g[i][j] - rowMean[i] - rowMean[j] + total;
            }
        }
        return g;
    }
}
