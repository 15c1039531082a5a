package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;

/**
 * What the plan stage learns about a pair on an executor, so that the driver neither builds a
 * network nor reads a dataset: the candidate layers, the size of the training split, and, for a
 * dataset target, what reading it found.
 *
 * @param datasetReport for a dataset target, its path, layout, classes, split sizes and skipped
 *     images (see {@link Domains#datasetReports}); empty for a synthetic one
 * @param error null when the pair was described; otherwise why not (the other fields are empty)
 */
public record PairDescription(
        Pair pair,
        List<LayerInfo> layers,
        int trainSize,
        Map<String, Object> datasetReport,
        String error)
        implements Serializable {

    public PairDescription {
        layers = List.copyOf(layers);
    }

    public boolean succeeded() {
        return error == null;
    }
}
