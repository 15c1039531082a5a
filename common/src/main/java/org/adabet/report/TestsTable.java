package org.adabet.report;

import static org.adabet.report.ComparisonTable.fmt;

import java.util.List;

/** The paired tests against adabet as Markdown ({@code tests.md}), with how to read them. */
public final class TestsTable {
    private TestsTable() {}

    public static String toMarkdown(List<TestRow> rows) {
        StringBuilder sb = new StringBuilder("# Paired tests against adabet\n\n");
        sb.append(
                "Differences are the method's test accuracy (at the validation-chosen epoch, "
                        + "percent) minus adabet's at the same budget; negative means adabet is "
                        + "ahead. Across pairs: one difference per pair, of the means over "
                        + "seeds. Within a pair: one per seed. `wilcoxon_exact` is the exact "
                        + "signed-rank test (zeros dropped, tied ranks averaged); with fewer "
                        + "than 6 non-zero differences it cannot reach p < 0.05 (its smallest "
                        + "p is 2^(1-n): 0.25 for 3 seeds) and the paired t-test is used "
                        + "instead (`paired_t`). `p_holm`: Holm's correction over the methods of "
                        + "the same scope, pair and budget. The interval is the 95% t interval "
                        + "of the mean difference.\n\n");
        sb.append(
                "| scope | pair | budget | method | n | mean diff | 95% CI | test | statistic |"
                        + " p_value | p_holm |\n");
        sb.append("|---|---|---|---|---:|---:|---|---|---:|---:|---:|\n");
        for (TestRow r : rows) {
            var c = r.comparison();
            sb.append("| ")
                    .append(r.scope())
                    .append(" | ")
                    .append(r.pair())
                    .append(" | ")
                    .append(r.budget())
                    .append(" | ")
                    .append(r.method())
                    .append(
                            r.methodBudget().equals(r.budget())
                                    ? ""
                                    : " (" + r.methodBudget() + ")")
                    .append(" | ")
                    .append(c.n())
                    .append(" | ")
                    .append(fmt(c.difference().mean(), 2))
                    .append(" | ")
                    .append(ci(c.difference().ci95Low(), c.difference().ci95High()))
                    .append(" | ")
                    .append(c.test())
                    .append(" | ")
                    .append(fmt(c.statistic(), 2))
                    .append(" | ")
                    .append(p(c.pValue()))
                    .append(" | ")
                    .append(p(r.pHolm()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    static String ci(double low, double high) {
        return Double.isNaN(low) ? "-" : "[" + fmt(low, 2) + ", " + fmt(high, 2) + "]";
    }

    static String p(double v) {
        return Double.isNaN(v) ? "-" : fmt(v, 4);
    }
}
