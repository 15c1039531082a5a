package org.adabet.selection;

import java.util.Set;
import org.adabet.model.TrainableSpec;

/** A way of choosing what to retrain. */
public interface SelectionMethod {

    /** The name used in configuration and result tables. */
    String name();

    /** Whether the choice depends on a budget (methods without one run once per pair and seed). */
    boolean usesBudget();

    /**
     * The evidence the method reads before it can choose (empty: it needs no pass over the target).
     */
    Set<Evidence> requires();

    /** Labels and passes the method needs, given AdaBet's k statistics batches. */
    SelectionCost cost(int statisticsBatches);

    /**
     * Whether the choice is a random draw, repeated {@code selection.random-draws} times per budget
     * and seed (its spread is then the null distribution the others are read against).
     */
    default boolean drawn() {
        return false;
    }

    /** How the run changes the network: gradient steps on the choice, unless stated otherwise. */
    default Retraining retraining() {
        return Retraining.GRADIENT_STEPS;
    }

    /** What to train. May be empty when nothing fits the budget. */
    TrainableSpec select(SelectionContext context);
}
