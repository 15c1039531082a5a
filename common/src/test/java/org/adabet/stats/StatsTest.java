package org.adabet.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

/**
 * Against values computed by hand and, where stated, with scipy 1.17.1 ({@code
 * scipy.stats.wilcoxon(d, zero_method="wilcox", method="exact")}, {@code scipy.stats.t.ppf}, {@code
 * scipy.stats.ttest_1samp}).
 */
class StatsTest {
    private static final double[] UNTIED = {1.5, -0.5, 2.0, 3.25, -1.0, 4.0, 2.5, 0.75};

    @Test
    void summaryIsMeanSampleSdAndTheStudentInterval() {
        // mean 81.7, sd 2.52323, t(0.975, 3) = 3.18245 (scipy): 81.7 -/+ 3.18245 * 2.52323 / 2.
        Summary s = Summary.of(new double[] {80.1, 82.3, 79.4, 85.0});
        assertEquals(4, s.n());
        assertEquals(81.7, s.mean(), 1e-12);
        assertEquals(2.5232254490367407, s.sd(), 1e-12);
        assertEquals(77.6849852461576, s.ci95Low(), 1e-7);
        assertEquals(85.71501475384238, s.ci95High(), 1e-7);
        Summary one = Summary.of(new double[] {3});
        assertEquals(3, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ci95Low()));
        assertTrue(Double.isNaN(Summary.of(new double[0]).mean()));
    }

    @Test
    void signedRankOnUntiedDataMatchesTheHandCountScipyAndCommonsMath() {
        // |d| ranks 1..8; the negatives hold ranks 1 and 3, so W- = 4 and W+ = 32. Sign patterns
        // with W- <= 4: {}, {1}, {2}, {3}, {4}, {1,2}, {1,3} = 7 of 256; p = 2 * 7 / 256.
        SignedRank.Result r = SignedRank.test(UNTIED);
        assertEquals(32, r.wPlus());
        assertEquals(14.0 / 256, r.pValue(), 1e-15);
        assertEquals(0.0546875, r.pValue(), 1e-15); // scipy
        assertEquals(1.0 / 128, r.smallestP(), 1e-15);
        double[] zeros = new double[UNTIED.length];
        assertEquals(
                new WilcoxonSignedRankTest().wilcoxonSignedRankTest(UNTIED, zeros, true),
                r.pValue(),
                1e-12);
    }

    @Test
    void zerosAreDroppedAndTiesKeepAnExactDistribution() {
        double[] withZero = {1.5, -0.5, 2.0, 3.25, -1.0, 4.0, 2.5, 0.75, 0.0};
        SignedRank.Result z = SignedRank.test(withZero);
        assertEquals(9, z.n());
        assertEquals(8, z.nonZero());
        assertEquals(0.0546875, z.pValue(), 1e-15); // scipy, zero_method="wilcox"
        // Ties: |d| = 1,1,1,2,3,3,4 get ranks 2,2,2,4,5.5,5.5,7; W+ = 2+2+4+5.5+7 = 20.5.
        // Counting all 128 sign patterns over these ranks: 21 have W+ >= 20.5, so p = 42/128.
        // (scipy's "exact" gives 0.375 here: it uses the untied distribution.)
        SignedRank.Result t = SignedRank.test(new double[] {1, 1, -1, 2, 3, -3, 4});
        assertEquals(20.5, t.wPlus());
        assertEquals(42.0 / 128, t.pValue(), 1e-15);
        assertEquals(1.0, SignedRank.test(new double[] {0, 0, 0}).pValue());
        // Last-bit noise is zero and ties.
        assertEquals(2, SignedRank.test(new double[] {1e-13, 0.1 + 0.2, 0.3}).nonZero());
        assertEquals(
                SignedRank.test(new double[] {0.3, -0.3, 1}).pValue(),
                SignedRank.test(new double[] {0.1 + 0.2, -0.3, 1}).pValue());
    }

    @Test
    void holmMatchesTheHandComputation() {
        // Sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 -> max(0.06, 0.04).
        assertArrayEquals(
                new double[] {0.03, 0.06, 0.06, 0.02},
                Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-15);
        double[] withNaN = Holm.adjust(new double[] {0.02, Double.NaN, 0.6});
        assertEquals(0.04, withNaN[0], 1e-15);
        assertTrue(Double.isNaN(withNaN[1]));
        assertEquals(0.6, withNaN[2], 1e-15);
        assertEquals(1.0, Holm.adjust(new double[] {0.7, 0.8})[0]);
    }

    @Test
    void fewDifferencesUseThePairedTTestAndSayIt() {
        // scipy.stats.ttest_1samp([0.5, 1.5, -0.25, 2.0], 0): t = 1.860521, p = 0.159747.
        PairedComparison c = PairedComparison.of(new double[] {0.5, 1.5, -0.25, 2.0});
        assertEquals("paired_t", c.test());
        assertEquals(1.860521018838127, c.statistic(), 1e-9);
        assertEquals(0.1597473685596535, c.pValue(), 1e-9);
        PairedComparison w = PairedComparison.of(UNTIED);
        assertEquals("wilcoxon_exact", w.test());
        assertEquals(0.0546875, w.pValue(), 1e-15);
        assertEquals("none", PairedComparison.of(new double[] {1}).test());
        assertTrue(Double.isNaN(PairedComparison.of(new double[] {2, 2, 2}).pValue()));
        assertEquals(1.0, PairedComparison.of(new double[] {0, 0, 0}).pValue());
    }
}
