package org.adabet.selection;

import java.io.Serializable;

/** What a method consumes to choose: labelled data or not, and how many passes over a batch. */
public record SelectionCost(boolean needsLabels, int forwardPasses, int backwardPasses)
        implements Serializable {

    public static final SelectionCost NOTHING = new SelectionCost(false, 0, 0);
}
