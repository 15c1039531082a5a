package org.adabet.plot;

/**
 * A scoring method's rank agreement with the oracle on one pair.
 *
 * @param pair {@code <architecture>/<target>}
 * @param method scoring method
 * @param spearman Spearman rank correlation with the oracle's gains, or NaN when undefined
 */
public record AgreementCell(String pair, String method, double spearman) {}
