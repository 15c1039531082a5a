package org.adabet.report;

import java.io.Serializable;
import java.util.List;
import org.adabet.stats.Bootstrap;

/**
 * How well one method's layer scores agree with the oracle on one pair.
 *
 * @param spearman Spearman rank correlation of the method's scores with the oracle's accuracy gains
 *     (NaN when either side is constant, or when some layer has no successful oracle run)
 * @param kendall Kendall's tau-b of the same
 * @param topK for each k compared: how many of the method's k best layers are among the oracle's k
 *     best
 * @param nullMean mean Spearman of {@code selection.random-draws} random layer scorings with the
 *     same gains (NaN when none is defined)
 * @param nullSd their sd (NaN with fewer than two)
 * @param nullP permutation p-value of this Spearman against them, one-sided: (1 + draws at least as
 *     high) / (1 + draws); its smallest value is 1 / (1 + draws)
 * @param spearmanCi95Low percentile bootstrap 95% interval of the Spearman over layers ({@link
 *     Agreements#BOOTSTRAP_RESAMPLES} resamples, seeded by the pair): lower bound
 * @param spearmanCi95High its upper bound
 * @param noiseCeiling the oracle's split-half reliability across seeds (Spearman–Brown corrected,
 *     {@link org.adabet.stats.SplitHalf}): the same for every method of the pair; NaN with one seed
 * @param oracleFailedLayers layers with at least one failed or missing oracle run
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
        double nullP,
        double spearmanCi95Low,
        double spearmanCi95High,
        double noiseCeiling,
        int oracleFailedLayers)
        implements Serializable {

    public AgreementRow {
        topK = List.copyOf(topK);
        if (oracleFailedLayers < 0 || oracleFailedLayers > layers) {
            throw new IllegalArgumentException(
                    "agreement of "
                            + method
                            + " on "
                            + pair
                            + ": oracle_failed_layers must be in [0, "
                            + layers
                            + "], was "
                            + oracleFailedLayers);
        }
    }

    /** Without a null distribution, interval or noise ceiling, every oracle run succeeded. */
    public AgreementRow(
            String pair,
            String method,
            int layers,
            double spearman,
            double kendall,
            List<TopK> topK) {
        this(
                pair,
                method,
                layers,
                spearman,
                kendall,
                topK,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0);
    }

    /**
     * A pair whose oracle could not rank every layer: the row is kept (it says how many layers
     * failed) and every correlation is NaN.
     */
    public static AgreementRow unmeasured(
            String pair, String method, int layers, double noiseCeiling, int failedLayers) {
        return new AgreementRow(pair, method, layers, Double.NaN, Double.NaN, List.of())
                .withOracle(
                        new Bootstrap.Interval(0, 0, Double.NaN, Double.NaN),
                        noiseCeiling,
                        failedLayers);
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
        return new AgreementRow(
                pair,
                method,
                layers,
                spearman,
                kendall,
                topK,
                s.mean(),
                s.sd(),
                p,
                spearmanCi95Low,
                spearmanCi95High,
                noiseCeiling,
                oracleFailedLayers);
    }

    /** This row with its Spearman's bootstrap interval and what the oracle itself allows. */
    public AgreementRow withOracle(Bootstrap.Interval ci, double ceiling, int failedLayers) {
        return new AgreementRow(
                pair,
                method,
                layers,
                spearman,
                kendall,
                topK,
                nullMean,
                nullSd,
                nullP,
                ci.low(),
                ci.high(),
                ceiling,
                failedLayers);
    }

    /** Overlap of the two top-k sets. */
    public record TopK(int k, int overlap) implements Serializable {}
}
