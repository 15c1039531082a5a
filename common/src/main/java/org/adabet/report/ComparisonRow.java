package org.adabet.report;

import java.util.List;

/**
 * One line of the comparison table: a pair and a method at one budget, over its seeds.
 *
 * @param budget {@code rho=..} or {@code mem=..}, or "-" for methods without a budget
 * @param runs successful retraining runs (failed ones are counted in {@code failed})
 * @param bestAccuracy mean over seeds of the best per-epoch test accuracy, in percent
 * @param finalAccuracy mean over seeds of the last-epoch test accuracy, in percent
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
        double bestAccuracy,
        double finalAccuracy,
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
