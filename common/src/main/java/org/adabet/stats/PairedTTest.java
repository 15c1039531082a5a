package org.adabet.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student's paired t-test of differences, two-sided: {@code t = mean / (sd / sqrt(n))} on n - 1
 * degrees of freedom. Used where the signed-rank test cannot reach the 5% level at all (fewer than
 * six non-zero differences: its smallest two-sided p-value is 2^(1-n) >= 0.0625).
 */
public final class PairedTTest {
    private PairedTTest() {}

    /**
     * @param t the statistic (NaN when undefined)
     * @param pValue two-sided; 1 when every difference is zero; NaN with fewer than two differences
     *     or when nonzero differences are all equal (no spread: t is infinite and no p-value is
     *     meaningful)
     */
    public record Result(double t, double pValue) {}

    public static Result test(double[] differences) {
        Summary s = Summary.of(differences);
        if (s.n() < 2) {
            return new Result(Double.NaN, Double.NaN);
        }
        if (s.sd() < SignedRank.ZERO) {
            return Math.abs(s.mean()) < SignedRank.ZERO
                    ? new Result(0, 1.0)
                    : new Result(Double.NaN, Double.NaN);
        }
        double t = s.mean() / (s.sd() / Math.sqrt(s.n()));
        double p = 2 * new TDistribution(null, s.n() - 1).cumulativeProbability(-Math.abs(t));
        return new Result(t, Math.min(1.0, p));
    }
}
