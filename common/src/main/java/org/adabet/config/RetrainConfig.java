package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/**
 * Retraining of the selected layers: the optimiser settings, one run per seed, and the share of
 * each target's training split held out to choose the epoch.
 *
 * @param validationFraction per class, this share of the target's training split (rounded, at least
 *     one image) becomes the validation split; 0 = none (the last epoch is then reported)
 */
public record RetrainConfig(TrainConfig training, List<Long> seeds, double validationFraction)
        implements Serializable {

    public RetrainConfig {
        seeds =
                Check.distinct(
                        "adabet.retrain.seeds", Check.nonEmpty("adabet.retrain.seeds", seeds));
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new ConfigException(
                    "adabet.retrain.validation-fraction must be in [0, 0.5], was "
                            + validationFraction);
        }
    }
}
