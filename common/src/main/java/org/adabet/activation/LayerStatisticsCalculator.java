package org.adabet.activation;

import java.util.ArrayList;
import java.util.List;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.tda.BettiStatistics;
import org.adabet.tda.PointCloud;
import org.adabet.tda.VietorisRips;

/**
 * AdaBet's forward-only statistics: one inference pass over a batch, every candidate layer's
 * output flattened to n points in D dimensions, Vietoris–Rips persistence of each point cloud.
 */
public final class LayerStatisticsCalculator {
    private LayerStatisticsCalculator() {}

    /**
     * @param images the batch, NCHW float32
     * @param maxDimension highest homology dimension (at least 1)
     */
    public static List<LayerBatchStatistics> compute(Network network, float[] images, int count, int batch,
            int maxDimension) {
        List<float[]> activations = network.activations(images, count);
        List<LayerInfo> layers = network.layers();
        List<LayerBatchStatistics> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerInfo layer = layers.get(i);
            long start = System.nanoTime();
            PointCloud cloud = new PointCloud(count, Math.toIntExact(layer.outputElements()), activations.get(i));
            BettiStatistics s = BettiStatistics.of(VietorisRips.barcode(cloud, maxDimension), count,
                    layer.outputElements());
            double millis = (System.nanoTime() - start) / 1e6;
            out.add(new LayerBatchStatistics(layer.index(), layer.name(), layer.type(), layer.parameters(), batch,
                    count, layer.outputElements(), s.beta0(), s.beta1(), s.totalPersistence0(),
                    s.totalPersistence1(), s.maxPersistence1(), s.referenceScore(), millis));
        }
        return out;
    }
}
