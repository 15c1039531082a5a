package org.adabet.retrain;

import java.util.List;

/**
 * The outcome of one training run.
 *
 * <p>The epoch is chosen on validation accuracy, never on test accuracy: {@link #bestEpoch()} is
 * the first epoch with the highest validation accuracy (a later epoch must be strictly better to
 * replace it, as Keras' {@code ModelCheckpoint(save_best_only=True)} does), and the headline {@link
 * #testAccuracy()} is the test accuracy at that epoch. Without a validation split the last epoch is
 * chosen.
 *
 * @param epochAccuracy test accuracy after each epoch, in [0, 1]
 * @param epochValidationAccuracy validation accuracy after each epoch, in [0, 1]; empty when the
 *     run had no validation split
 * @param wallMillis host wall time of the training loop (evaluation included)
 * @param prefixCached whether the run trained from cached frozen-prefix outputs ({@link
 *     PrefixCaching})
 */
public record TrainingResult(
        List<Double> epochAccuracy,
        List<Double> epochValidationAccuracy,
        double finalLoss,
        int steps,
        long wallMillis,
        boolean prefixCached) {

    public TrainingResult {
        epochAccuracy = List.copyOf(epochAccuracy);
        epochValidationAccuracy = List.copyOf(epochValidationAccuracy);
        if (!epochValidationAccuracy.isEmpty()
                && epochValidationAccuracy.size() != epochAccuracy.size()) {
            throw new IllegalArgumentException(
                    "training result: "
                            + epochValidationAccuracy.size()
                            + " validation accuracies for "
                            + epochAccuracy.size()
                            + " epochs");
        }
    }

    /** A run that ran the whole network every step. */
    public TrainingResult(
            List<Double> epochAccuracy,
            List<Double> epochValidationAccuracy,
            double finalLoss,
            int steps,
            long wallMillis) {
        this(epochAccuracy, epochValidationAccuracy, finalLoss, steps, wallMillis, false);
    }

    /** A run without a validation split (pretraining): the last epoch is the chosen one. */
    public TrainingResult(
            List<Double> epochAccuracy, double finalLoss, int steps, long wallMillis) {
        this(epochAccuracy, List.of(), finalLoss, steps, wallMillis);
    }

    /** The chosen epoch, 1-based; 0 when the run has no epochs. */
    public int bestEpoch() {
        if (epochValidationAccuracy.isEmpty()) {
            return epochAccuracy.size();
        }
        int best = 0;
        for (int e = 1; e < epochValidationAccuracy.size(); e++) {
            if (epochValidationAccuracy.get(e) > epochValidationAccuracy.get(best)) {
                best = e;
            }
        }
        return best + 1;
    }

    /** Test accuracy at the chosen epoch: the headline figure. */
    public double testAccuracy() {
        int e = bestEpoch();
        return e == 0 ? Double.NaN : epochAccuracy.get(e - 1);
    }

    /** Validation accuracy at the chosen epoch; NaN without a validation split. */
    public double validationAccuracy() {
        return epochValidationAccuracy.isEmpty()
                ? Double.NaN
                : epochValidationAccuracy.get(bestEpoch() - 1);
    }

    /** The test accuracy after the last epoch. */
    public double finalAccuracy() {
        return epochAccuracy.isEmpty() ? Double.NaN : epochAccuracy.get(epochAccuracy.size() - 1);
    }
}
