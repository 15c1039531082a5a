package org.adabet.config;

import java.io.Serializable;

/** How many unlabeled batches of how many samples feed AdaBet's persistence statistics. */
public record StatisticsConfig(int batches, int batchSize, int maxDimension)
        implements Serializable {

    public StatisticsConfig {
        Check.atLeast("adabet.statistics.batches", batches, 1);
        Check.atLeast("adabet.statistics.batch-size", batchSize, 2);
        Check.between("adabet.statistics.max-dimension", maxDimension, 1, 2);
    }
}
