package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/** Retraining of the selected layers: the optimiser settings and one run per seed. */
public record RetrainConfig(TrainConfig training, List<Long> seeds) implements Serializable {

    public RetrainConfig {
        seeds =
                Check.distinct(
                        "adabet.retrain.seeds", Check.nonEmpty("adabet.retrain.seeds", seeds));
    }
}
