package org.adabet.sweep;

import java.io.Serializable;

/**
 * A model/dataset pair: an architecture (pretrained on the synthetic source or loaded from weights)
 * to be adapted to one target, a synthetic domain or a dataset on disk, by name.
 */
public record Pair(String architecture, String target) implements Serializable {

    /** A stable key, e.g. {@code convnet_s/corrupted}; used in seeds and tables. */
    public String key() {
        return architecture + "/" + target;
    }
}
