package org.adabet.selection;

import java.util.Map;
import java.util.Set;

/**
 * A forward-only, label-free peer of AdaBet: layers that change the representation most are trained
 * first, in the spirit of training-free layer selection by inter-layer similarity in language
 * models (2025). The score of candidate layer l on a batch is
 *
 * <pre>
 *   1 - CKA_linear(A_{l-1}, A_l)
 * </pre>
 *
 * with A_l the captured output of candidate layer l (n samples, flattened), A_{l-1} that of the
 * candidate before it in forward order (the input images for the first), and {@link
 * org.adabet.stats.LinearCka}; averaged over the same k unlabelled batches AdaBet reads. A_{l-1} is
 * the previous candidate's output rather than layer l's own input: the ReLU, pooling or residual
 * addition in between counts towards layer l's change (and in a residual network the previous
 * candidate can be a shortcut's), a stated approximation that needs no extra capture.
 */
public final class RepresentationChangeSelection extends ScoringMethod {
    @Override
    public String name() {
        return "representation_change";
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of(Evidence.REPRESENTATION_CHANGE);
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return new SelectionCost(false, statisticsBatches, 0);
    }

    @Override
    public Map<String, Double> scores(SelectionContext context) {
        Map<String, Double> s = context.evidence().representationChange();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(
                    name() + ": no representation statistics for this pair");
        }
        return s;
    }
}
