package org.adabet.selection;

import java.util.List;
import org.adabet.model.LayerInfo;

/** Full fine-tuning: every candidate layer. */
public final class FullSelection implements SelectionMethod {
    @Override
    public String name() {
        return "full";
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
        return context.layers().stream().map(LayerInfo::name).toList();
    }
}
