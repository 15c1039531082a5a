package org.adabet.retrain;

import java.util.List;
import org.adabet.data.ImageSet;
import org.adabet.model.Network;

/**
 * The run of a label-free method ({@code bn_stats}): every BatchNorm's running statistics
 * re-estimated on the training images, labels unread, no gradient step ({@link
 * Network#adaptBatchNorm}), then one evaluation, reported as a one-epoch {@link TrainingResult}.
 */
public final class BatchNormAdaptation {
    private BatchNormAdaptation() {}

    /**
     * @param train the images the retraining would train on, in their order, in batches of {@code
     *     batchSize} (an incomplete last batch left out)
     * @param validation null or empty for none
     */
    public static TrainingResult adapt(
            Network network, ImageSet train, ImageSet validation, ImageSet test, int batchSize) {
        long start = System.nanoTime();
        int[] order = train.naturalOrder();
        network.adaptBatchNorm(train.gather(order, 0, train.size()), train.size(), batchSize);
        List<Double> validationAccuracy =
                validation == null || validation.size() == 0
                        ? List.of()
                        : List.of(Trainer.accuracy(network, validation));
        return new TrainingResult(
                List.of(Trainer.accuracy(network, test)),
                validationAccuracy,
                Double.NaN,
                0,
                (System.nanoTime() - start) / 1_000_000);
    }
}
