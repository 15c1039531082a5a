package org.adabet.selection;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.adabet.activation.ScoreVariant;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;

/**
 * AdaBet's second stage (paper v2: Tenison et al., "AdaBet: Gradient-free Layer Selection for
 * Efficient Training of Deep Neural Networks", arXiv 2510.03101): the layers AdaBet's reference
 * score selects, and inside each only its top channels. The paper does not publish its exact
 * channel rule; this one is the project's. A channel's score is beta1 of its own point cloud (n
 * samples in H*W dimensions, or S for token sequences) summed over the k batches; the ceil(f * C)
 * channels with the highest score train (equal scores to the lower channel index), the others keep
 * their weights (their gradient is masked). A chosen layer trains whole when its channels cannot be
 * ranked: when each channel's cloud is one-dimensional (a linear layer on vectors, every classifier
 * head here), where beta1 is 0 by construction, and when all its channel scores are equal.
 */
public final class AdabetChannelSelection implements SelectionMethod {
    private final AdabetSelection layers = new AdabetSelection(ScoreVariant.REFERENCE);

    @Override
    public String name() {
        return "adabet_channel";
    }

    @Override
    public Set<Evidence> requires() {
        return Set.of(Evidence.LAYER_STATISTICS, Evidence.CHANNEL_STATISTICS);
    }

    @Override
    public boolean usesBudget() {
        return true;
    }

    @Override
    public SelectionCost cost(int statisticsBatches) {
        return new SelectionCost(false, statisticsBatches, 0);
    }

    @Override
    public TrainableSpec select(SelectionContext context) {
        List<String> chosen = ScoringMethod.chooseLayers(context, layers.scores(context));
        Map<String, boolean[]> masks = new HashMap<>();
        for (LayerInfo layer : context.layers()) {
            if (!chosen.contains(layer.name()) || oneDimensional(layer)) {
                continue;
            }
            double[] scores = context.evidence().channelScores().get(layer.name());
            if (scores == null) {
                throw new IllegalArgumentException(
                        name() + ": no channel statistics for layer '" + layer.name() + "'");
            }
            if (!allEqual(scores)) {
                masks.put(layer.name(), topChannels(scores, context.channelFraction()));
            }
        }
        return new TrainableSpec(Set.copyOf(chosen), Set.of(), masks);
    }

    /** Whether each channel's point cloud has one dimension (beta1 is then 0 for every channel). */
    static boolean oneDimensional(LayerInfo layer) {
        return layer.head() || layer.outputElements() <= layer.channels();
    }

    private static boolean allEqual(double[] scores) {
        for (double s : scores) {
            if (s != scores[0]) {
                return false;
            }
        }
        return true;
    }

    /** The ceil(fraction * C) highest-scoring channels, equal scores to the lower index. */
    static boolean[] topChannels(double[] scores, double fraction) {
        int keep = Math.max(1, (int) Math.ceil(fraction * scores.length - 1e-9));
        boolean[] mask = new boolean[scores.length];
        IntStream.range(0, scores.length)
                .boxed()
                .sorted(
                        Comparator.comparingDouble((Integer c) -> -scores[c])
                                .thenComparingInt(c -> c))
                .limit(keep)
                .forEach(c -> mask[c] = true);
        return mask;
    }
}
