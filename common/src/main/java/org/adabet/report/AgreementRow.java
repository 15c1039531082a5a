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
 */
public record AgreementRow(
        String pair, String method, int layers, double spearman, double kendall, List<TopK> topK)
        implements Serializable {

    /** Overlap of the two top-k sets. */
    public record TopK(int k, int overlap) implements Serializable {}
}
