package org.adabet.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Split-half reliability of a ranking measured on several replicates (here: the oracle's per-layer
 * accuracy gains on several seeds), the ceiling any predictor's Spearman correlation with the
 * replicates' mean can be expected to reach.
 *
 * <p>The s replicates are split into two halves of sizes floor(s/2) and ceil(s/2); each half's mean
 * per item is taken, and r = Spearman(half A means, half B means). r is averaged over the splits
 * (all balanced splits when there are at most {@link #MAX_SPLITS}, otherwise {@link #MAX_SPLITS} of
 * them drawn at random, seeded) and stepped up to the whole set of replicates with the
 * Spearman–Brown formula (C. Spearman and W. Brown, British Journal of Psychology 3, 1910):
 *
 * <pre>
 *   reliability = 2 r̄ / (1 + r̄)     (below r̄ when r̄ < 0, and below -1 when r̄ < -1/3)
 * </pre>
 *
 * Splits whose halves have a single rank (constant means) have no r and are left out of the mean.
 */
public final class SplitHalf {
    /** Above this many balanced splits a seeded sample of this size is used instead. */
    public static final int MAX_SPLITS = 10_000;

    private SplitHalf() {}

    /**
     * @param splits splits whose r was defined (0: no reliability)
     * @param meanHalfSpearman r̄, the mean Spearman of the halves' means
     * @param reliability Spearman–Brown corrected r̄; NaN with fewer than two replicates or no
     *     defined split
     */
    public record Result(int replicates, int splits, double meanHalfSpearman, double reliability)
            implements Serializable {}

    /** {@code 2 r / (1 + r)}; NaN at r = -1 (where it diverges). */
    public static double spearmanBrown(double r) {
        return r <= -1 ? Double.NaN : 2 * r / (1 + r);
    }

    /**
     * @param values values[replicate][item]
     * @param seed draws the splits when there are more than {@link #MAX_SPLITS}
     */
    public static Result of(double[][] values, long seed) {
        int s = values.length;
        if (s < 2) {
            return new Result(s, 0, Double.NaN, Double.NaN);
        }
        double sum = 0;
        int defined = 0;
        for (boolean[] inA : splits(s, seed)) {
            double r = Ranks.spearman(halfMean(values, inA, true), halfMean(values, inA, false));
            if (!Double.isNaN(r)) {
                sum += r;
                defined++;
            }
        }
        if (defined == 0) {
            return new Result(s, 0, Double.NaN, Double.NaN);
        }
        double mean = sum / defined;
        return new Result(s, defined, mean, spearmanBrown(mean));
    }

    /**
     * The balanced splits of s replicates, each once: half A has floor(s/2) members; for even s, A
     * holds replicate 0 so that a split and its mirror are not both counted.
     */
    static List<boolean[]> splits(int s, long seed) {
        int h = s / 2;
        boolean even = s % 2 == 0;
        long count = even ? binomial(s - 1, h - 1) : binomial(s, h);
        List<boolean[]> out = new ArrayList<>();
        if (count <= MAX_SPLITS) {
            enumerate(s, h, even ? 1 : 0, new boolean[s], even ? 1 : 0, out);
            if (even) {
                out.forEach(a -> a[0] = true);
            }
            return out;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < MAX_SPLITS; i++) {
            int[] order = java.util.stream.IntStream.range(0, s).toArray();
            for (int k = s - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            boolean[] a = new boolean[s];
            for (int k = 0; k < h; k++) {
                a[order[k]] = true;
            }
            out.add(a);
        }
        return out;
    }

    /** Every way to put {@code h - chosen} more of replicates from..s-1 into half A. */
    private static void enumerate(
            int s, int h, int from, boolean[] a, int chosen, List<boolean[]> out) {
        if (chosen == h) {
            out.add(a.clone());
            return;
        }
        for (int i = from; i <= s - (h - chosen); i++) {
            a[i] = true;
            enumerate(s, h, i + 1, a, chosen + 1, out);
            a[i] = false;
        }
    }

    private static double[] halfMean(double[][] values, boolean[] inA, boolean a) {
        int n = values[0].length;
        double[] mean = new double[n];
        int members = 0;
        for (int r = 0; r < values.length; r++) {
            if (inA[r] == a) {
                members++;
                for (int i = 0; i < n; i++) {
                    mean[i] += values[r][i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= members;
        }
        return mean;
    }

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
            if (c > Integer.MAX_VALUE) {
                return c;
            }
        }
        return c;
    }
}
