package org.adabet.selection;

import java.util.List;

/** A way of choosing which candidate layers to retrain. */
public interface SelectionMethod {

    /** The name used in configuration and result tables. */
    String name();

    /** Whether the choice depends on the budget rho (methods that don't are run once per pair). */
    boolean usesBudget();

    /** Whether the method needs labelled target data to choose. */
    boolean needsLabels();

    /** Layer names to retrain, in forward order. */
    List<String> select(SelectionContext context);
}
