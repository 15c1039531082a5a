package org.adabet.report;

import java.io.Serializable;
import java.util.List;

/**
 * How well one method's layer scores agree with the oracle on one pair.
 *
 * @param spearman Spearman rank correlation of the method's scores with the oracle's accuracy gains
 * @param kendall Kendall's tau-b of the same
 * @param topK for each k compared: how many of the method's k best layers are among the oracle's k
 *     best
 * @param nullMean mean Spearman of {@code selection.random-draws} random layer scorings with the
 *     same gains (NaN when none is defined)
 * @param nullSd their sd (NaN with fewer than two)
 * @param nullP permutation p-value of this Spearman against them, one-sided: (1 + draws at least as
 *     high) / (1 + draws); its smallest value is 1 / (1 + draws)
 */
public record AgreementRow(
        String pair,
        String method,
        int layers,
        double spearman,
        double kendall,
        List<TopK> topK,
        double nullMean,
        double nullSd,
        double nullP)
        implements Serializable {

    /** Without a null distribution. */
    public AgreementRow(
            String pair,
            String method,
            int layers,
            double spearman,
            double kendall,
            List<TopK> topK) {
        this(pair, method, layers, spearman, kendall, topK, Double.NaN, Double.NaN, Double.NaN);
    }

    /** This row read against the Spearman correlations of random scorings. */
    public AgreementRow withNull(double[] randomSpearman) {
        double[] defined =
                java.util.Arrays.stream(randomSpearman).filter(v -> !Double.isNaN(v)).toArray();
        org.adabet.stats.Summary s = org.adabet.stats.Summary.of(defined);
        double p = Double.NaN;
        if (!Double.isNaN(spearman) && defined.length > 0) {
            long higher = java.util.Arrays.stream(defined).filter(v -> v >= spearman).count();
            p = (1.0 + higher) / (1.0 + defined.length);
        }
        return new AgreementRow(pair, method, layers, spearman, kendall, topK, s.mean(), s.sd(), p);
    }

    /** Overlap of the two top-k sets. */
    public record TopK(int k, int overlap) implements Serializable {}
}
