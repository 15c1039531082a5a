package org.adabet.config;

import java.io.Serializable;

/**
 * How many unlabeled batches of how many samples feed AdaBet's persistence statistics.
 *
 * @param batchDraws sets of batches the statistics are computed on: draw 0 is the first {@code
 *     batches} batches (the reference's rule, what the selections use); draws 1.. are seeded random
 *     batches of the same split, for rank stability only
 */
public record StatisticsConfig(int batches, int batchSize, int maxDimension, int batchDraws)
        implements Serializable {

    public StatisticsConfig {
        Check.atLeast("adabet.statistics.batches", batches, 1);
        Check.atLeast("adabet.statistics.batch-size", batchSize, 2);
        Check.between("adabet.statistics.max-dimension", maxDimension, 1, 2);
        Check.between("adabet.statistics.batch-draws", batchDraws, 1, 100);
    }

    /** One draw: the first batches only. */
    public StatisticsConfig(int batches, int batchSize, int maxDimension) {
        this(batches, batchSize, maxDimension, 1);
    }
}
