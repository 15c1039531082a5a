package org.adabet.stats;

import java.io.Serializable;

/**
 * How far m raters agree on the ranking of the same n items: Kendall's coefficient of concordance W
 * (M. G. Kendall and B. Babington Smith, "The problem of m rankings", Annals of Mathematical
 * Statistics 10(3), 1939), with the tie correction, and the mean Spearman correlation over the m(m
 * - 1)/2 pairs of raters.
 *
 * <p>With R_i the sum of item i's mid-ranks over the raters and T_j = sum over rater j's tie groups
 * of (t^3 - t):
 *
 * <pre>
 *   S = sum_i (R_i - m(n + 1)/2)^2,   W = 12 S / (m^2 (n^3 - n) - m sum_j T_j)
 * </pre>
 *
 * W is 1 when every rater ranks alike and 0 when the rank sums are all equal. Without ties the mean
 * pairwise Spearman equals (m W - 1) / (m - 1).
 *
 * @param raters m
 * @param items n
 * @param kendallW W; NaN with fewer than two raters or items, or when every rater ties every item
 * @param meanSpearman mean Spearman correlation over the pairs of raters whose correlation is
 *     defined; NaN when none is
 * @param meanRanks each item's mean mid-rank over the raters (1 = best): the aggregated ranking
 */
public record Concordance(
        int raters, int items, double kendallW, double meanSpearman, double[] meanRanks)
        implements Serializable {

    /**
     * @param scores scores[rater][item], higher is better (ranked by {@link Ranks#descending})
     */
    public static Concordance of(double[][] scores) {
        int m = scores.length;
        int n = m == 0 ? 0 : scores[0].length;
        double[][] ranks = new double[m][];
        for (int j = 0; j < m; j++) {
            if (scores[j].length != n) {
                throw new IllegalArgumentException(
                        "concordance: rater "
                                + j
                                + " scores "
                                + scores[j].length
                                + " items, rater 0 scores "
                                + n);
            }
            ranks[j] = Ranks.descending(scores[j]);
        }
        double[] sums = new double[n];
        double ties = 0;
        for (double[] r : ranks) {
            for (int i = 0; i < n; i++) {
                sums[i] += r[i];
            }
            ties += Ranks.tieTerm(r);
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = m == 0 ? Double.NaN : sums[i] / m;
        }
        return new Concordance(m, n, w(sums, m, n, ties), meanSpearman(scores), mean);
    }

    private static double w(double[] sums, int m, int n, double ties) {
        if (m < 2 || n < 2) {
            return Double.NaN;
        }
        double expected = m * (n + 1) / 2.0;
        double s = 0;
        for (double r : sums) {
            s += (r - expected) * (r - expected);
        }
        double denominator = (double) m * m * ((double) n * n * n - n) - m * ties;
        return denominator <= 0 ? Double.NaN : 12 * s / denominator;
    }

    private static double meanSpearman(double[][] scores) {
        double sum = 0;
        int defined = 0;
        for (int a = 0; a < scores.length; a++) {
            for (int b = a + 1; b < scores.length; b++) {
                double r = Ranks.spearman(scores[a], scores[b]);
                if (!Double.isNaN(r)) {
                    sum += r;
                    defined++;
                }
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }
}
