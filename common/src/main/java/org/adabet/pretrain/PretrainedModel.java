package org.adabet.pretrain;

import java.io.Serializable;
import org.adabet.model.NetworkParameters;

/**
 * A model pretrained on the source domain.
 *
 * @param sourceAccuracy its accuracy on the source test split (NaN when read from the cache)
 * @param fromCache whether it was reused rather than trained in this run
 */
public record PretrainedModel(
        String key,
        String architecture,
        byte[] parameters,
        double sourceAccuracy,
        long trainMillis,
        boolean fromCache)
        implements Serializable {

    public NetworkParameters networkParameters() {
        return NetworkParameters.fromBytes(parameters, "pretrained model " + key);
    }
}
