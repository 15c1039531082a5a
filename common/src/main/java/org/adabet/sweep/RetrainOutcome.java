package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The result of a {@link RetrainTask}: accuracies and cost, or the error that stopped it.
 *
 * @param testAccuracy test accuracy at {@code bestEpoch}, the epoch chosen on validation accuracy
 *     (the headline figure; never the maximum of test accuracy)
 * @param finalAccuracy test accuracy after the last epoch
 * @param validationAccuracy validation accuracy at {@code bestEpoch} (NaN without a validation
 *     split)
 * @param bestEpoch the chosen epoch, 1-based (0 for a failed run)
 * @param epochAccuracy test accuracy after each epoch
 * @param epochValidationAccuracy validation accuracy after each epoch (empty without a split)
 * @param error null when the run succeeded; otherwise what went wrong (the other fields are NaN/0)
 * @param prefixCached whether the run trained from cached frozen-prefix outputs ({@code
 *     adabet.retrain.prefix-cache}); the accuracies are the same either way
 */
public record RetrainOutcome(
        RetrainTask task,
        long trainableParameters,
        long totalParameters,
        double testAccuracy,
        double finalAccuracy,
        double validationAccuracy,
        int bestEpoch,
        List<Double> epochAccuracy,
        List<Double> epochValidationAccuracy,
        double accuracyBefore,
        long trainMillis,
        String error,
        boolean prefixCached)
        implements Serializable {

    public RetrainOutcome {
        epochAccuracy = List.copyOf(epochAccuracy);
        epochValidationAccuracy = List.copyOf(epochValidationAccuracy);
    }

    /** An outcome of a run that did not use the prefix cache. */
    public RetrainOutcome(
            RetrainTask task,
            long trainableParameters,
            long totalParameters,
            double testAccuracy,
            double finalAccuracy,
            double validationAccuracy,
            int bestEpoch,
            List<Double> epochAccuracy,
            List<Double> epochValidationAccuracy,
            double accuracyBefore,
            long trainMillis,
            String error) {
        this(
                task,
                trainableParameters,
                totalParameters,
                testAccuracy,
                finalAccuracy,
                validationAccuracy,
                bestEpoch,
                epochAccuracy,
                epochValidationAccuracy,
                accuracyBefore,
                trainMillis,
                error,
                false);
    }

    public boolean succeeded() {
        return error == null;
    }

    static RetrainOutcome failed(RetrainTask task, Throwable error) {
        return failed(task, Failures.describe(error));
    }

    /** A run that did not train: its selection failed, or its task did. */
    public static RetrainOutcome failed(RetrainTask task, String error) {
        return new RetrainOutcome(
                task,
                0,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                0,
                List.of(),
                List.of(),
                Double.NaN,
                0,
                error);
    }
}
