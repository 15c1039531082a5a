package org.adabet.regression;

/**
 * One pair x method x budget of a run, summarised over its seeds.
 *
 * @param pair {@code <architecture>/<target>}
 * @param method selection method
 * @param budget {@code rho=0.1}, {@code mem=5242880} or {@code -}
 * @param seeds successful seeds
 * @param accuracy best test accuracy in percent, mean over successful seeds (NaN when none)
 * @param low lower end of the accuracy interval in percent (NaN with one seed)
 * @param high upper end of the interval (NaN with one seed)
 * @param peakBytes peak training memory, largest over seeds (0 when no seed succeeded)
 * @param selectionMs mean selection time, ms
 * @param failed failed seeds
 */
public record RunMetrics(
        String pair,
        String method,
        String budget,
        int seeds,
        double accuracy,
        double low,
        double high,
        long peakBytes,
        double selectionMs,
        int failed) {
    /** {@code pair|method|budget}. */
    public String key() {
        return pair + "|" + method + "|" + budget;
    }

    /** Whether the accuracy has an interval (more than one seed). */
    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
