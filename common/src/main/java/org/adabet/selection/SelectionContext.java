package org.adabet.selection;

import java.util.List;
import org.adabet.memory.MemoryModel;
import org.adabet.model.LayerInfo;

/**
 * What a selection method may look at for one pair.
 *
 * @param layers candidate layers in forward order (the head last)
 * @param budget the budget (ignored by methods without one)
 * @param seed this selection's seed (from the run seed and the selection's key)
 * @param memory the memory model a memory budget is measured with
 * @param channelFraction fraction of output channels kept by channel selection
 */
public record SelectionContext(
        List<LayerInfo> layers,
        PairEvidence evidence,
        Budget budget,
        long seed,
        MemoryModel memory,
        double channelFraction) {

    public SelectionContext {
        layers = List.copyOf(layers);
    }
}
