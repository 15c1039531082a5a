package org.adabet.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Architectures to sweep, their width, and pretrained weights on disk.
 *
 * @param weights architecture -> file (.npz or .safetensors torchvision state_dict, or our own
 *     .params checkpoint); an architecture listed here is loaded instead of pretrained on the
 *     synthetic source domain
 */
public record ModelConfig(List<String> architectures, int width, Map<String, String> weights)
        implements Serializable {

    public ModelConfig {
        architectures =
                Check.distinct(
                        "adabet.model.architectures",
                        Check.nonEmpty("adabet.model.architectures", architectures));
        Check.between("adabet.model.width", width, 1, 1024);
        weights = Map.copyOf(new TreeMap<>(weights));
        for (String arch : weights.keySet()) {
            if (!architectures.contains(arch)) {
                throw new ConfigException(
                        "adabet.model.weights names '"
                                + arch
                                + "', which is not in adabet.model.architectures "
                                + architectures);
            }
        }
    }
}
