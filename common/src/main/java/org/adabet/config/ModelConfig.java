package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/** Architectures to sweep and their width. Names are checked against the model registry by the loader. */
public record ModelConfig(List<String> architectures, int width) implements Serializable {

    public ModelConfig {
        architectures = Check.distinct("adabet.model.architectures",
                Check.nonEmpty("adabet.model.architectures", architectures));
        Check.between("adabet.model.width", width, 1, 1024);
    }
}
