package org.adabet.sweep;

import java.io.Serializable;
import org.adabet.data.TargetDomain;

/** A model/dataset pair: an architecture pretrained on the source, to be adapted to one target. */
public record Pair(String architecture, TargetDomain target) implements Serializable {

    /** A stable key, e.g. {@code convnet_s/corrupted}; used in seeds and tables. */
    public String key() {
        return architecture + "/" + target.configName();
    }
}
