package org.adabet.report;

import java.util.List;
import java.util.Objects;
import org.adabet.device.DeviceProfile;
import org.adabet.stats.Summary;

/**
 * One pair x method x budget as the comparison query aggregates it over seeds (and draws): counts,
 * means, sample sd and maxima, before the parts the configuration decides (the t interval, devices)
 * are added by {@link #toRow}. Accuracies are in percent; a mean over no successful run is NaN.
 *
 * @param runs successful runs (the sample of {@code accuracyMean} and {@code accuracySd})
 * @param failed runs that failed (their selection or their training)
 * @param accuracyMean mean test accuracy at the validation-chosen epoch
 * @param accuracySd its sample sd (n - 1); NaN with fewer than two runs
 * @param meanParametersTrained trainable parameters, mean over successful runs (NaN without one)
 * @param parametersTotal the model's parameters as the first successful run records them (0 without
 *     one)
 * @param peakMemoryBytes our analytic peak training memory, largest over all runs
 * @param referenceMemoryBytes the reference formula's figure, largest over all runs
 * @param meanTrainingFlops training FLOPs, mean over all runs
 * @param selectionMillis selection host time, mean over all runs
 * @param layers the layers of the first run's selection (first by seed)
 */
public record ComparisonGroup(
        String pair,
        String method,
        String budget,
        int runs,
        int failed,
        double accuracyMean,
        double accuracySd,
        double finalAccuracy,
        double validationAccuracy,
        double accuracyBefore,
        int layersTrained,
        int layersTotal,
        double meanParametersTrained,
        long parametersTotal,
        long peakMemoryBytes,
        long referenceMemoryBytes,
        double meanTrainingFlops,
        double selectionMillis,
        long selectionPeakBytes,
        boolean needsLabels,
        int forwardPasses,
        int backwardPasses,
        double trainMillis,
        List<String> layers) {

    public ComparisonGroup {
        Objects.requireNonNull(pair, "comparison group pair");
        Objects.requireNonNull(method, "comparison group method");
        Objects.requireNonNull(budget, "comparison group budget");
        if (runs < 0 || failed < 0 || runs + failed == 0) {
            throw new IllegalArgumentException(
                    "comparison group "
                            + pair
                            + "|"
                            + method
                            + "|"
                            + budget
                            + " must hold a run, was runs="
                            + runs
                            + ", failed="
                            + failed);
        }
        layers = List.copyOf(layers);
    }

    /**
     * The table row: the accuracy's 95% t interval from n, mean and sd, trainable parameters
     * rounded half up (0 without a successful run), the devices the peak fits and each device's
     * estimated seconds for the mean FLOPs.
     */
    public ComparisonRow toRow(List<DeviceProfile> devices) {
        return new ComparisonRow(
                pair,
                method,
                budget,
                runs,
                failed,
                Summary.of(runs, accuracyMean, accuracySd),
                finalAccuracy,
                validationAccuracy,
                accuracyBefore,
                layersTrained,
                layersTotal,
                Math.round(meanParametersTrained),
                parametersTotal,
                peakMemoryBytes,
                referenceMemoryBytes,
                devices.stream()
                        .filter(d -> d.fits(peakMemoryBytes))
                        .map(DeviceProfile::name)
                        .toList(),
                devices.stream().map(d -> d.seconds(meanTrainingFlops)).toList(),
                selectionMillis,
                selectionPeakBytes,
                needsLabels,
                forwardPasses,
                backwardPasses,
                trainMillis,
                String.join(" ", layers));
    }
}
