package org.adabet.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.adabet.model.GradientStatistics;

/**
 * Baselines that score layers from one labelled batch and one backward pass:
 *
 * <ul>
 *   <li>{@code fisher} — TinyTrain-style (Kwon et al., "TinyTrain: Resource-Aware Task-Adaptive
 *       Sparse Training of DNNs at the Data-Scarce Edge", ICML 2024) Fisher information of the
 *       layer's output activations, 1/2 * sum over samples and channels of (sum a * dL/da)^2;
 *   <li>{@code rgn} — surgical fine-tuning's relative gradient norm ||dL/dtheta|| / ||theta|| (Lee
 *       et al., "Surgical Fine-Tuning Improves Adaptation to Distribution Shifts", ICLR 2023).
 * </ul>
 */
public final class GradientSelection extends ScoringMethod {
    private final String name;
    private final ToDoubleFunction<GradientStatistics> score;

    private GradientSelection(String name, ToDoubleFunction<GradientStatistics> score) {
        this.name = name;
        this.score = score;
    }

    public static GradientSelection fisher() {
        return new GradientSelection("fisher", GradientStatistics::fisher);
    }

    public static GradientSelection rgn() {
        return new GradientSelection("rgn", GradientStatistics::relativeGradientNorm);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of(Evidence.GRADIENTS);
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return new SelectionCost(true, 1, 1);
    }

    @Override
    public Map<String, Double> scores(SelectionContext context) {
        return scoresOf(context.evidence().gradients(), score, name);
    }

    static Map<String, Double> scoresOf(
            List<GradientStatistics> gradients,
            ToDoubleFunction<GradientStatistics> score,
            String method) {
        if (gradients.isEmpty()) {
            throw new IllegalArgumentException(method + ": no gradient statistics for this pair");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        gradients.forEach(g -> out.put(g.layer(), score.applyAsDouble(g)));
        return out;
    }
}
