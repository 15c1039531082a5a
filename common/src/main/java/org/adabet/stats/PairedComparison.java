package org.adabet.stats;

import java.io.Serializable;

/**
 * One paired comparison of a method with a baseline: the mean difference with its t interval and a
 * two-sided test. The signed-rank test is used when it can reach the 5% level (at least six
 * non-zero differences); below that the paired t-test is, and {@code test} says which.
 *
 * @param test {@code wilcoxon_exact}, {@code paired_t}, or {@code none} (fewer than two
 *     differences)
 * @param statistic W+ for the signed-rank test, t for the t-test, NaN for none
 */
public record PairedComparison(
        int n, int nonZero, Summary difference, String test, double statistic, double pValue)
        implements Serializable {

    /** Fewest non-zero differences with which the exact signed-rank test can give p < 0.05. */
    public static final int MIN_SIGNED_RANK = 6;

    /** Compares {@code differences} (method minus baseline, one per pairing unit) with zero. */
    public static PairedComparison of(double[] differences) {
        Summary s = Summary.of(differences);
        SignedRank.Result w = SignedRank.test(differences);
        if (w.nonZero() >= MIN_SIGNED_RANK) {
            return new PairedComparison(
                    s.n(), w.nonZero(), s, "wilcoxon_exact", w.wPlus(), w.pValue());
        }
        if (s.n() < 2) {
            return new PairedComparison(s.n(), w.nonZero(), s, "none", Double.NaN, Double.NaN);
        }
        PairedTTest.Result t = PairedTTest.test(differences);
        return new PairedComparison(s.n(), w.nonZero(), s, "paired_t", t.t(), t.pValue());
    }
}
