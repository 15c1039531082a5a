package org.adabet.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The result of a {@link RetrainTask}: accuracies and cost, or the error that stopped it.
 *
 * @param error null when the run succeeded; otherwise what went wrong (the other fields are NaN/0)
 */
public record RetrainOutcome(
        RetrainTask task,
        long trainableParameters,
        long totalParameters,
        double bestAccuracy,
        double finalAccuracy,
        List<Double> epochAccuracy,
        double accuracyBefore,
        long trainMillis,
        String error)
        implements Serializable {

    public RetrainOutcome {
        epochAccuracy = List.copyOf(epochAccuracy);
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
                task, 0, 0, Double.NaN, Double.NaN, List.of(), Double.NaN, 0, error);
    }
}
