package org.adabet.selection;

import java.util.List;
import org.adabet.model.LayerInfo;

/** Last layer only: the classifier head (a linear probe of the frozen features). */
public final class LastLayerSelection implements SelectionMethod {
    @Override
    public String name() {
        return "last_layer";
    }

    @Override
    public boolean usesBudget() {
        return false;
    }

    @Override
    public boolean needsLabels() {
        return false;
    }

    @Override
    public List<String> select(SelectionContext context) {
        return context.layers().stream().filter(LayerInfo::head).map(LayerInfo::name).toList();
    }
}
