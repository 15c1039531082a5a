package org.adabet.plot;

/**
 * One method at one budget on one pair: its accuracy (mean over seeds) and peak training memory,
 * with an interval when there is one.
 *
 * @param method selection method, e.g. {@code adabet}
 * @param budget {@code rho=0.1}, {@code mem=5242880} or {@code -}
 * @param accuracy test accuracy (epoch chosen on validation) in percent, mean over seeds
 * @param low lower end of the interval in percent, or NaN when there is none (one seed)
 * @param high upper end of the interval in percent, or NaN
 * @param peakBytes peak training memory in bytes (largest over seeds), &gt; 0
 */
public record MethodPoint(
        String method, String budget, double accuracy, double low, double high, long peakBytes) {
    public MethodPoint {
        if (peakBytes <= 0) {
            throw new IllegalArgumentException(
                    "peak memory of " + method + " " + budget + " must be > 0, was " + peakBytes);
        }
        if (!Double.isFinite(accuracy)) {
            throw new IllegalArgumentException(
                    "accuracy of " + method + " " + budget + " must be finite, was " + accuracy);
        }
    }

    /** Whether this point has an interval to draw. */
    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Peak memory in MiB. */
    public double peakMiB() {
        return peakBytes / (1024.0 * 1024.0);
    }
}
