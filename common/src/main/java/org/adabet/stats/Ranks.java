package org.adabet.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Ranks of scores, highest first, ties given their average rank (the mid-rank rule Spearman's
 * correlation and Kendall's W are defined with); and Spearman's correlation as the Pearson
 * correlation of those ranks.
 */
public final class Ranks {
    private Ranks() {}

    /**
     * Rank 1 for the highest score, n for the lowest; equal scores share the mean of the ranks they
     * span. NaN scores rank below every number (a score that could not be computed is not a high
     * one), tied among themselves.
     */
    public static double[] descending(double[] scores) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compareDescending(scores[a], scores[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && compareDescending(scores[order[i]], scores[order[j + 1]]) == 0) {
                j++;
            }
            double mid = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mid;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Higher first; NaN last; NaN equals NaN. */
    private static int compareDescending(double a, double b) {
        boolean na = Double.isNaN(a);
        boolean nb = Double.isNaN(b);
        if (na || nb) {
            return na == nb ? 0 : (na ? 1 : -1);
        }
        return Double.compare(b, a);
    }

    /**
     * {@code sum over tie groups of (t^3 - t)}, t the size of each group of equal ranks: the tie
     * term of Kendall's W.
     */
    public static double tieTerm(double[] ranks) {
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }

    /**
     * Spearman's rank correlation (Pearson's correlation of the mid-ranks); NaN with fewer than two
     * values or when either side has a single rank (no ranking to compare).
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "spearman of samples of different lengths: " + x.length + " and " + y.length);
        }
        if (x.length < 2) {
            return Double.NaN;
        }
        double[] rx = descending(x);
        double[] ry = descending(y);
        if (constant(rx) || constant(ry)) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(rx, ry);
    }

    static boolean constant(double[] x) {
        for (double v : x) {
            if (v != x[0]) {
                return false;
            }
        }
        return true;
    }
}
