package org.adabet.config;

import java.io.Serializable;
import java.util.List;

/** Selection methods, layer budgets and the classifier-head rule. */
public record SelectionConfig(List<String> methods, List<Double> rhos, boolean forceHead) implements Serializable {

    public SelectionConfig {
        methods = Check.distinct("adabet.selection.methods", Check.nonEmpty("adabet.selection.methods", methods));
        rhos = Check.distinct("adabet.selection.rhos", Check.nonEmpty("adabet.selection.rhos", rhos));
        for (double rho : rhos) {
            Check.inUnitInterval("adabet.selection.rhos", rho, false);
        }
    }
}
