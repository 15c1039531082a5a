package org.adabet.report;

import java.io.Serializable;
import java.util.List;

/**
 * How stable one scoring method's ranking of the layers is, across statistics draws of one pair
 * (scope {@code draws}) or across the targets of one architecture (scope {@code targets}).
 *
 * @param scope {@code draws} or {@code targets}
 * @param pair the pair's key ({@code all} for scope {@code targets})
 * @param architecture the pair's or the targets' architecture
 * @param layers layers ranked (for {@code targets}: those every target has, by name)
 * @param raters rankings compared: draws, or targets
 * @param meanSpearman mean Spearman correlation over the pairs of rankings (NaN when none is
 *     defined)
 * @param kendallW Kendall's W of the rankings, tie-corrected (NaN when undefined)
 * @param consensus the layers by mean rank over the rankings, best first (equal mean ranks to the
 *     earlier layer)
 * @param consensusMeanRank their mean ranks (1 = best)
 */
public record RankStabilityRow(
        String scope,
        String pair,
        String architecture,
        String method,
        int layers,
        int raters,
        double meanSpearman,
        double kendallW,
        List<String> consensus,
        List<Double> consensusMeanRank)
        implements Serializable {
    public static final String DRAWS = "draws";
    public static final String TARGETS = "targets";

    public RankStabilityRow {
        if (!scope.equals(DRAWS) && !scope.equals(TARGETS)) {
            throw new IllegalArgumentException(
                    "rank_stability scope must be draws or targets, was " + scope);
        }
        if (raters < 2) {
            throw new IllegalArgumentException(
                    "rank_stability of "
                            + method
                            + " on "
                            + pair
                            + " needs >= 2 rankings, had "
                            + raters);
        }
        consensus = List.copyOf(consensus);
        consensusMeanRank = List.copyOf(consensusMeanRank);
        if (consensus.size() != layers || consensusMeanRank.size() != layers) {
            throw new IllegalArgumentException(
                    "rank_stability of "
                            + method
                            + " on "
                            + pair
                            + ": consensus of "
                            + consensus.size()
                            + " layers, "
                            + layers
                            + " ranked");
        }
    }
}
