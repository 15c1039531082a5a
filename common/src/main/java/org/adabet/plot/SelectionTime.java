package org.adabet.plot;

/**
 * A method's selection time on one pair.
 *
 * @param pair {@code <architecture>/<target>}
 * @param method selection method
 * @param millis host wall time of the selection, ms (mean over budgets and seeds)
 */
public record SelectionTime(String pair, String method, double millis) {}
