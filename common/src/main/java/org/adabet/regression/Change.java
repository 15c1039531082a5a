package org.adabet.regression;

/**
 * One metric of one pair x method x budget, earlier run against later.
 *
 * @param metric {@code accuracy_pct}, {@code peak_mem_bytes}, {@code selection_ms}, {@code failed}
 *     or {@code present}
 * @param before the earlier run's value (NaN when it has none)
 * @param after the later run's value (NaN when it has none)
 * @param regressed whether this counts as a regression
 * @param why what the rule found, e.g. "dropped 3.20 points (> 1.00), below the interval [60.0,
 *     64.0]"
 */
public record Change(
        String pair,
        String method,
        String budget,
        String metric,
        double before,
        double after,
        boolean regressed,
        String why) {}
