package org.adabet.retrain;

import java.util.List;

/**
 * The outcome of one training run.
 *
 * @param epochAccuracy test accuracy after each epoch, in [0, 1]
 * @param wallMillis host wall time of the training loop (evaluation included)
 */
public record TrainingResult(
        List<Double> epochAccuracy, double finalLoss, int steps, long wallMillis) {

    public TrainingResult {
        epochAccuracy = List.copyOf(epochAccuracy);
    }

    /** The best test accuracy over the epochs (as the reference reports). */
    public double bestAccuracy() {
        return epochAccuracy.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The test accuracy after the last epoch. */
    public double finalAccuracy() {
        return epochAccuracy.isEmpty() ? Double.NaN : epochAccuracy.get(epochAccuracy.size() - 1);
    }
}
