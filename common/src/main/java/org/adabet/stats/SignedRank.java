package org.adabet.stats;

import java.io.Serializable;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Wilcoxon's signed-rank test of paired differences (F. Wilcoxon, "Individual comparisons by
 * ranking methods", Biometrics Bulletin 1(6), 1945), two-sided, with the exact null distribution.
 *
 * <p>Zero differences are dropped (Wilcoxon's own rule, scipy's {@code zero_method="wilcox"}); the
 * absolute values of the others are ranked with ties given their average rank (Commons Math's
 * {@link NaturalRanking}); W+ is the sum of the ranks of the positive differences. Under the null
 * every sign pattern of the n ranks is equally likely; the distribution of W+ over the 2^n patterns
 * is counted exactly by dynamic programming over doubled ranks (average ranks are multiples of
 * 1/2), so ties keep an exact p-value too. The p-value is {@code min(1, 2 * min(P(W+ <= w), P(W+ >=
 * w)))}.
 *
 * <p>Commons Math's own {@code WilcoxonSignedRankTest} is not used: version 3.6 keeps zero
 * differences (they enter W-) and its exact distribution assumes untied integer ranks. On untied,
 * zero-free data the two agree (tested).
 *
 * <p>Differences closer to zero than {@link #ZERO}, and absolute differences closer than that to
 * each other, count as zero and as tied: per-pair means of the same accuracies summed in another
 * order differ in their last bits.
 */
public final class SignedRank {
    /** Below this a difference is zero (in the units of the data: accuracy points). */
    public static final double ZERO = 1e-9;

    private SignedRank() {}

    /**
     * @param n differences given
     * @param nonZero differences left after dropping zeros (the test's sample size)
     * @param wPlus sum of the ranks of the positive differences
     * @param pValue two-sided exact p-value; 1 when every difference is zero
     * @param smallestP the smallest two-sided p-value any sign pattern of {@code nonZero} untied
     *     differences can give: 2^(1 - nonZero), capped at 1
     */
    public record Result(int n, int nonZero, double wPlus, double pValue, double smallestP)
            implements Serializable {}

    public static Result test(double[] differences) {
        int n = differences.length;
        double[] kept = new double[n];
        int m = 0;
        for (double d : differences) {
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("signed-rank test of a sample holding NaN");
            }
            if (Math.abs(d) >= ZERO) {
                kept[m++] = d;
            }
        }
        if (m == 0) {
            return new Result(n, 0, 0, 1.0, 1.0);
        }
        double[] abs = new double[m];
        for (int i = 0; i < m; i++) {
            // Snap to the tie tolerance so last-bit differences tie.
            abs[i] = Math.rint(Math.abs(kept[i]) / ZERO) * ZERO;
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
        int[] doubled = new int[m];
        double wPlus = 0;
        int wPlusDoubled = 0;
        for (int i = 0; i < m; i++) {
            doubled[i] = (int) Math.round(2 * ranks[i]);
            if (kept[i] > 0) {
                wPlus += ranks[i];
                wPlusDoubled += doubled[i];
            }
        }
        double[] pmf = nullDistribution(doubled);
        double lower = 0;
        double upper = 0;
        for (int w = 0; w < pmf.length; w++) {
            if (w <= wPlusDoubled) {
                lower += pmf[w];
            }
            if (w >= wPlusDoubled) {
                upper += pmf[w];
            }
        }
        double p = Math.min(1.0, 2 * Math.min(lower, upper));
        return new Result(n, m, wPlus, p, Math.min(1.0, Math.pow(2, 1 - m)));
    }

    /**
     * P(2·W+ = w) when each rank's sign is + or - with probability 1/2, independently.
     *
     * @param doubledRanks twice each rank
     */
    static double[] nullDistribution(int[] doubledRanks) {
        int total = 0;
        for (int r : doubledRanks) {
            total += r;
        }
        double[] pmf = new double[total + 1];
        pmf[0] = 1;
        int reach = 0;
        for (int r : doubledRanks) {
            for (int w = reach; w >= 0; w--) {
                double half = pmf[w] / 2;
                pmf[w] = half;
                pmf[w + r] += half;
            }
            reach += r;
        }
        return pmf;
    }
}
