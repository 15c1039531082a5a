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
 * @param beta1Above H1 intervals longer than the configured fraction of the longest finite H0
 *     interval
 * @param referenceScore beta1 / (n * D), AdaBet's reference per-batch score
 * @param channelBeta1 beta1 of each output channel's own point cloud (n points in H*W dimensions),
 *     or null when channel statistics were not asked for
 * @param persistenceMillis host time of distances + persistence for this layer
 * @param channelMillis host time of the per-channel persistence (0 without it)
 */
public record LayerBatchStatistics(
        int layerIndex,
        String layer,
        String layerType,
        long parameters,
        int batch,
        int points,
        long dimension,
        int beta0,
        int beta1,
        double totalPersistence0,
        double totalPersistence1,
        double maxPersistence1,
        int beta1Above,
        double referenceScore,
        int[] channelBeta1,
        double persistenceMillis,
        double channelMillis)
        implements Serializable {}
