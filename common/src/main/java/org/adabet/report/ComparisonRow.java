package org.adabet.report;

/**
 * One line of the comparison table: a pair and a method at one budget, averaged over seeds.
 *
 * @param rho the budget, or null for methods without one
 * @param runs successful retraining runs averaged (failed runs are counted in {@code failed})
 * @param bestAccuracy mean over seeds of the best per-epoch test accuracy, in percent
 * @param finalAccuracy mean over seeds of the last-epoch test accuracy, in percent
 * @param accuracyBefore test accuracy of the pretrained model before retraining, in percent
 * @param parametersTrained trainable parameters, averaged over seeds (random selection varies by seed)
 * @param layers the layers of the first seed's selection
 * @param selectionMillis host time the method spent choosing layers (AdaBet: forward passes + persistence)
 */
public record ComparisonRow(String pair, String method, Double rho, int runs, int failed, double bestAccuracy,
        double finalAccuracy, double accuracyBefore, int layersTrained, int layersTotal, long parametersTrained,
        long parametersTotal, double selectionMillis, double trainMillis, String layers) {}
