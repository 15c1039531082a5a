package org.adabet.report;

import java.io.Serializable;
import org.adabet.stats.PairedComparison;

/**
 * One paired test of a method against {@code adabet} at one budget.
 *
 * @param scope {@code across_pairs} (one difference per pair: the method's mean test accuracy over
 *     its seeds minus adabet's) or {@code within_pair} (one difference per seed both ran)
 * @param pair the pair, or {@code all} across pairs
 * @param budget adabet's budget; a method without a budget is compared at each of them
 * @param comparison differences (method minus adabet, accuracy points) and the test on them
 * @param pHolm Holm-adjusted p over the methods of the same scope, pair and budget
 * @param family how many tests that Holm family holds (those with a p-value)
 */
public record TestRow(
        String scope,
        String pair,
        String budget,
        String method,
        String methodBudget,
        PairedComparison comparison,
        double pHolm,
        int family)
        implements Serializable {

    public static final String ACROSS = "across_pairs";
    public static final String WITHIN = "within_pair";
    public static final String ALL_PAIRS = "all";
}
