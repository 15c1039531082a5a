package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/**
 * Retraining of the selected layers: the optimiser settings, one run per seed, and the share of
 * each target's training split held out to choose the epoch.
 *
 * @param validationFraction per class, this share of the target's training split (rounded, at least
 *     one image) becomes the validation split; 0 = none (the last epoch is then reported)
 * @param prefixCache {@code adabet.retrain.prefix-cache}: whether runs train from cached outputs of
 *     their frozen prefix ({@code org.adabet.retrain.PrefixCache}); the results are the same either
 *     way, only the time differs
 * @param stochasticInputs whether a run's input to the prefix varies from epoch to epoch (data
 *     augmentation, a stochastic layer in inference mode): then the prefix's output is not a
 *     function of the image and caching is off for every run. No such input exists yet (false from
 *     the configuration); whatever adds one must set it.
 */
public record RetrainConfig(
        TrainConfig training,
        List<Long> seeds,
        double validationFraction,
        boolean prefixCache,
        boolean stochasticInputs)
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

    /** Whether runs may train from cached prefix outputs. */
    public boolean cachesPrefix() {
        return prefixCache && !stochasticInputs;
    }
}
