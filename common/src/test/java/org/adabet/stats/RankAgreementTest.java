package org.adabet.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

/** Ranks, Kendall's W, split-half reliability and the bootstrap against hand-computed values. */
class RankAgreementTest {

    @Test
    void ranksAreHighestFirstWithMidRanksForTiesAndNaNLast() {
        assertArrayEquals(
                new double[] {3, 1, 3, 3, 5},
                Ranks.descending(new double[] {2, 9, 2, 2, Double.NaN}));
        // Ties of sizes 3 and 1 and 1: 3^3 - 3 = 24.
        assertEquals(24, Ranks.tieTerm(new double[] {3, 1, 3, 3, 5}));
        assertTrue(Double.isNaN(Ranks.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
        double[] x = {0.3, -1, 2, 2, 7, 0};
        double[] y = {1, 5, 2, 9, 3, 3};
        assertEquals(new SpearmansCorrelation().correlation(x, y), Ranks.spearman(x, y), 1e-12);
    }

    @Test
    void kendallsWWithoutTiesMatchesTheHandCount() {
        // Rank sums R = 6, 7, 8, 9 against 3 * 5 / 2 = 7.5: S = 2.25 + 0.25 + 0.25 + 2.25 = 5;
        // W = 12 * 5 / (9 * (64 - 4)) = 1/9. Pairwise Spearman: 1, -1, -1, mean -1/3
        // = (3 W - 1) / 2.
        Concordance c =
                Concordance.of(
                        new double[][] {
                            {4, 3, 2, 1},
                            {40, 30, 20, 10},
                            {1, 2, 3, 4}
                        });
        assertEquals(1.0 / 9, c.kendallW(), 1e-12);
        assertEquals(-1.0 / 3, c.meanSpearman(), 1e-12);
        assertEquals((3 * c.kendallW() - 1) / 2, c.meanSpearman(), 1e-12);
        assertArrayEquals(new double[] {2, 7.0 / 3, 8.0 / 3, 3}, c.meanRanks(), 1e-12);
    }

    @Test
    void kendallsWCorrectsForTies() {
        // Rater 1 scores 3, 1, 1 -> ranks 1, 2.5, 2.5 (one tie of 2: T = 6); rater 2 ranks 1, 2, 3.
        // R = 2, 4.5, 5.5; S = (2-4)^2 + (4.5-4)^2 + (5.5-4)^2 = 6.5;
        // W = 12 * 6.5 / (4 * 24 - 2 * 6) = 78 / 84.
        Concordance c = Concordance.of(new double[][] {{3, 1, 1}, {9, 5, 2}});
        assertEquals(78.0 / 84, c.kendallW(), 1e-12);
        assertEquals(1, Concordance.of(new double[][] {{1, 2, 3}, {1, 2, 3}}).kendallW(), 1e-12);
        assertTrue(Double.isNaN(Concordance.of(new double[][] {{1, 2, 3}}).kendallW()));
        assertTrue(Double.isNaN(Concordance.of(new double[][] {{1, 1}, {2, 2}}).kendallW()));
    }

    @Test
    void spearmanBrownStepsUpAHalfCorrelation() {
        assertEquals(2.0 / 3, SplitHalf.spearmanBrown(0.5), 1e-12);
        assertEquals(0, SplitHalf.spearmanBrown(0), 1e-12);
        assertEquals(1, SplitHalf.spearmanBrown(1), 1e-12);
        // Negative r steps down past it: 2 (-0.4) / 0.6.
        assertEquals(-4.0 / 3, SplitHalf.spearmanBrown(-0.4), 1e-12);
        assertTrue(Double.isNaN(SplitHalf.spearmanBrown(-1)));
    }

    @Test
    void twoReplicatesHaveTheOneSplit() {
        // Ranks 4,3,2,1 vs 3,4,1,2: every |d| = 1, rho = 1 - 6 * 4 / (4 * 15) = 0.6;
        // 2 * 0.6 / 1.6 = 0.75.
        SplitHalf.Result r =
                SplitHalf.of(new double[][] {{0.1, 0.2, 0.3, 0.4}, {0.2, 0.1, 0.4, 0.3}}, 1);
        assertEquals(1, r.splits());
        assertEquals(0.6, r.meanHalfSpearman(), 1e-12);
        assertEquals(0.75, r.reliability(), 1e-12);
        SplitHalf.Result one = SplitHalf.of(new double[][] {{1, 2, 3}}, 1);
        assertTrue(Double.isNaN(one.reliability()));
        assertEquals(0, one.splits());
    }

    @Test
    void fourReplicatesAverageTheirThreeBalancedSplits() {
        // {0,1}|{2,3}: means 1,2,3 vs 1.5,2,2.5 -> r = 1.
        // {0,2}|{1,3}: means 1,2.5,2.5 vs 1.5,1.5,3: centred ranks (-1,.5,.5) and (-.5,-.5,1),
        //   r = .75 / 1.5 = .5; {0,3}|{1,2} is the same pair of means swapped: .5.
        // mean r = 2/3; 2 (2/3) / (5/3) = 0.8.
        double[][] v = {{1, 2, 3}, {1, 2, 3}, {1, 3, 2}, {2, 1, 3}};
        SplitHalf.Result r = SplitHalf.of(v, 1);
        assertEquals(3, r.splits());
        assertEquals(2.0 / 3, r.meanHalfSpearman(), 1e-12);
        assertEquals(0.8, r.reliability(), 1e-12);
    }

    @Test
    void balancedSplitsAreCountedOnce() {
        assertEquals(3, SplitHalf.splits(4, 0).size()); // C(3,1)
        assertEquals(3, SplitHalf.splits(3, 0).size()); // C(3,1)
        assertEquals(10, SplitHalf.splits(6, 0).size()); // C(5,2)
        assertEquals(10, SplitHalf.splits(5, 0).size()); // C(5,2)
        for (boolean[] a : SplitHalf.splits(6, 0)) {
            assertTrue(a[0]);
            int members = 0;
            for (boolean b : a) {
                members += b ? 1 : 0;
            }
            assertEquals(3, members);
        }
        // 20 replicates: C(19, 9) = 92378 splits, more than the cap: a seeded sample.
        List<boolean[]> many = SplitHalf.splits(20, 7);
        assertEquals(SplitHalf.MAX_SPLITS, many.size());
        assertArrayEquals(many.get(5), SplitHalf.splits(20, 7).get(5));
    }

    @Test
    void bootstrapIsDeterministicPerSeedAndExactOnAMonotoneSample() {
        double[] x = {0.1, 0.5, 0.2, 0.9, 0.4, 0.3, 0.8, 0.7};
        double[] y = {1, 4, 3, 8, 2, 5, 6, 7};
        Bootstrap.Interval a = Bootstrap.spearman95(x, y, 500, 42);
        Bootstrap.Interval b = Bootstrap.spearman95(x, y, 500, 42);
        assertEquals(a, b);
        assertNotEquals(a, Bootstrap.spearman95(x, y, 500, 43));
        double point = Ranks.spearman(x, y);
        assertTrue(a.low() <= point && point <= a.high(), a + " vs " + point);
        assertTrue(a.defined() > 450 && a.defined() <= 500, a.toString());
        // Every defined resample of a monotone sample has rho = 1.
        Bootstrap.Interval m = Bootstrap.spearman95(x, x, 200, 1);
        assertEquals(1, m.low(), 1e-12);
        assertEquals(1, m.high(), 1e-12);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        // h = 4 * 0.025 = 0.1 -> 1 + 0.1; h = 4 * 0.975 = 3.9 -> 4 + 0.9.
        assertEquals(1.1, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(4.9, Bootstrap.quantile(sorted, 0.975), 1e-12);
    }
}
