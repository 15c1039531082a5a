package org.adabet.stats;

import java.io.Serializable;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * n, mean, sample standard deviation and the two-sided 95% Student t interval of the mean: {@code
 * mean ± t(0.975, n - 1) * sd / sqrt(n)}. With one value sd and the interval are NaN (no spread can
 * be estimated); with none, everything but n is NaN.
 */
public record Summary(int n, double mean, double sd, double ci95Low, double ci95High)
        implements Serializable {

    /**
     * The summary of {@code values} (NaN values are an error: they mean a failed run slipped in).
     */
    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sum = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("summary of a sample holding NaN");
            }
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return of(n, mean, Math.sqrt(ss / (n - 1)));
    }

    /**
     * The summary of a sample known by its size, mean and sample standard deviation (as a SQL
     * aggregation gives them: {@code count}, {@code avg}, {@code stddev_samp}); the interval is
     * computed here. As {@link #of(double[])}: with {@code n = 1} sd and the interval are NaN
     * whatever {@code sd} says, with {@code n = 0} everything but n is NaN.
     *
     * @throws IllegalArgumentException when {@code n < 0}
     */
    public static Summary of(int n, double mean, double sd) {
        if (n < 0) {
            throw new IllegalArgumentException("summary n must be >= 0, was " + n);
        }
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double half =
                new TDistribution(null, n - 1).inverseCumulativeProbability(0.975)
                        * sd
                        / Math.sqrt(n);
        return new Summary(n, mean, sd, mean - half, mean + half);
    }
}
