package org.adabet.config;

import java.io.Serializable;

/**
 * SGD settings shared by pretraining and retraining: momentum SGD with cosine decay and weight
 * decay, as in the AdaBet reference.
 *
 * @param prefix the configuration path these values came from, used in error messages
 */
public record TrainConfig(
        String prefix,
        int epochs,
        int batchSize,
        double learningRate,
        double momentum,
        double weightDecay)
        implements Serializable {

    public TrainConfig {
        Check.atLeast(prefix + ".epochs", epochs, 1);
        Check.atLeast(prefix + ".batch-size", batchSize, 2);
        Check.positive(prefix + ".learning-rate", learningRate);
        Check.inUnitInterval(prefix + ".momentum", momentum, true);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new ConfigException(
                    prefix + ".weight-decay must be a finite number >= 0, was " + weightDecay);
        }
    }
}
