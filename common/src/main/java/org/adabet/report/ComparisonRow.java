package org.adabet.report;

import java.util.List;
import org.adabet.stats.Summary;

/**
 * One line of the comparison table: a pair and a method at one budget, over its seeds.
 *
 * @param budget {@code rho=..} or {@code mem=..}, or "-" for methods without a budget
 * @param runs successful retraining runs (failed ones are counted in {@code failed})
 * @param accuracy over seeds, the test accuracy at the epoch chosen on validation accuracy, in
 *     percent: n, mean, sd and the 95% t interval of the mean
 * @param finalAccuracy mean over seeds of the last-epoch test accuracy, in percent
 * @param validationAccuracy mean over seeds of the validation accuracy at the chosen epoch, in
 *     percent
 * @param accuracyBefore test accuracy of the pretrained model before retraining, in percent
 * @param parametersTrained trainable parameters, mean over seeds (random selection varies by seed)
 * @param peakMemoryBytes our analytic peak training memory, largest over seeds
 * @param referenceMemoryBytes the reference formula's figure, largest over seeds
 * @param fits devices whose memory holds the peak
 * @param deviceSeconds estimated retraining time on each device (same order as the configured
 *     devices)
 * @param selectionMillis host time the method spent choosing (AdaBet: forward passes + persistence)
 * @param selectionPeakBytes the method's analytic peak memory while choosing
 * @param layers the layers of the first seed's selection
 */
public record ComparisonRow(
        String pair,
        String method,
        String budget,
        int runs,
        int failed,
        Summary accuracy,
        double finalAccuracy,
        double validationAccuracy,
        double accuracyBefore,
        int layersTrained,
        int layersTotal,
        long parametersTrained,
        long parametersTotal,
        long peakMemoryBytes,
        long referenceMemoryBytes,
        List<String> fits,
        List<Double> deviceSeconds,
        double selectionMillis,
        long selectionPeakBytes,
        boolean needsLabels,
        int forwardPasses,
        int backwardPasses,
        double trainMillis,
        String layers) {}
