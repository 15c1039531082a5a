package org.adabet.sweep;

import java.io.Serializable;

/**
 * One unlabeled batch of a pair's target training split, for AdaBet's layer statistics.
 *
 * @param batch which of the draw's {@code statistics.batches} batches (0-based)
 * @param draw which set of batches: 0 the first batches, 1.. seeded random ones ({@link
 *     BatchDraws})
 */
public record StatisticsTask(Pair pair, int batch, int draw) implements Serializable {
    public StatisticsTask {
        if (batch < 0 || draw < 0) {
            throw new IllegalArgumentException(
                    "statistics task of "
                            + pair
                            + ": batch and draw must be >= 0, were "
                            + batch
                            + " and "
                            + draw);
        }
    }

    /** A batch of draw 0. */
    public StatisticsTask(Pair pair, int batch) {
        this(pair, batch, 0);
    }
}
