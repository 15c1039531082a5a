package org.adabet.activation;

import java.io.Serializable;

/**
 * The persistence statistics of one candidate layer's activations for one unlabeled batch.
 *
 * @param points n, the batch size
 * @param dimension D, activation elements per sample
 * @param beta0 H0 intervals with death > birth (the essential class included)
 * @param beta1 H1 intervals with death > birth
 * @param totalPersistence1 sum of finite H1 interval lengths
 * @param maxPersistence1 the longest finite H1 interval (0 if none)
 * @param referenceScore beta1 / (n * D), AdaBet's reference per-batch score
 * @param persistenceMillis host time of distances + persistence for this layer
 */
public record LayerBatchStatistics(int layerIndex, String layer, String layerType, long parameters, int batch,
        int points, long dimension, int beta0, int beta1, double totalPersistence0, double totalPersistence1,
        double maxPersistence1, double referenceScore, double persistenceMillis) implements Serializable {}
