package org.adabet.stats;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals (B. Efron and R. Tibshirani, "An Introduction to the Bootstrap",
 * Chapman &amp; Hall, 1993, ch. 13) of Spearman's correlation over paired items (here: layers).
 * Each resample draws n item indices uniformly with replacement from a generator seeded by the
 * caller, so the same seed gives the same interval on any machine.
 */
public final class Bootstrap {
    private Bootstrap() {}

    /**
     * @param resamples resamples drawn
     * @param defined resamples whose Spearman was defined (a resample with a single rank on either
     *     side has none and is left out)
     * @param low the 2.5th percentile of the defined resamples' correlations
     * @param high the 97.5th percentile
     */
    public record Interval(int resamples, int defined, double low, double high)
            implements Serializable {}

    /**
     * The 95% percentile interval of {@link Ranks#spearman}(x, y), percentiles by linear
     * interpolation between order statistics (R's type 7); NaN bounds when no resample is defined.
     */
    public static Interval spearman95(double[] x, double[] y, int resamples, long seed) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "bootstrap of samples of different lengths: " + x.length + " and " + y.length);
        }
        if (resamples < 1) {
            throw new IllegalArgumentException(
                    "bootstrap resamples must be >= 1, was " + resamples);
        }
        int n = x.length;
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int defined = 0;
        double[] bx = new double[n];
        double[] by = new double[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) {
                int k = random.nextInt(n);
                bx[i] = x[k];
                by[i] = y[k];
            }
            double r = Ranks.spearman(bx, by);
            if (!Double.isNaN(r)) {
                values[defined++] = r;
            }
        }
        if (defined == 0) {
            return new Interval(resamples, 0, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        return new Interval(resamples, defined, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /** The p-quantile of sorted values, type 7: x[floor(h)] + (h - floor(h)) (x[+1] - x[..]). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
