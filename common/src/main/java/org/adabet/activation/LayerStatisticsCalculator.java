package org.adabet.activation;

import java.util.ArrayList;
import java.util.List;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.tda.Barcode;
import org.adabet.tda.BettiStatistics;
import org.adabet.tda.PointCloud;
import org.adabet.tda.VietorisRips;

/**
 * AdaBet's forward-only statistics: one inference pass over a batch, every candidate layer's output
 * flattened to n points in D dimensions, Vietoris–Rips persistence of each point cloud; optionally
 * the same for each output channel alone (n points in H*W dimensions).
 */
public final class LayerStatisticsCalculator {
    private LayerStatisticsCalculator() {}

    /**
     * @param images the batch, NCHW float32
     */
    public static List<LayerBatchStatistics> compute(
            Network network, float[] images, int count, int batch, StatisticsOptions options) {
        List<float[]> activations = network.activations(images, count);
        List<LayerInfo> layers = network.layers();
        List<LayerBatchStatistics> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            LayerInfo layer = layers.get(i);
            float[] values = activations.get(i);
            long start = System.nanoTime();
            int d = Math.toIntExact(layer.outputElements());
            Barcode barcode =
                    VietorisRips.barcode(new PointCloud(count, d, values), options.maxDimension());
            BettiStatistics s = BettiStatistics.of(barcode, count, d);
            int above =
                    BettiStatistics.beta1Above(
                            barcode, options.persistenceThreshold() * s.maxPersistence0());
            double millis = (System.nanoTime() - start) / 1e6;
            long channelStart = System.nanoTime();
            int[] channels =
                    options.channels() ? channelBeta1(values, count, layer.channels(), d) : null;
            double channelMillis =
                    options.channels() ? (System.nanoTime() - channelStart) / 1e6 : 0;
            out.add(
                    new LayerBatchStatistics(
                            layer.index(),
                            layer.name(),
                            layer.type(),
                            layer.parameters(),
                            batch,
                            count,
                            d,
                            s.beta0(),
                            s.beta1(),
                            s.totalPersistence0(),
                            s.totalPersistence1(),
                            s.maxPersistence1(),
                            above,
                            s.referenceScore(),
                            channels,
                            millis,
                            channelMillis));
        }
        return out;
    }

    /**
     * beta1 of each channel's point cloud: sample i's values of channel c are the c-th block of
     * H*W.
     */
    static int[] channelBeta1(float[] values, int count, int channels, int perSample) {
        int plane = perSample / channels;
        int[] out = new int[channels];
        float[] cloud = new float[count * plane];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < count; i++) {
                System.arraycopy(values, i * perSample + c * plane, cloud, i * plane, plane);
            }
            out[c] = VietorisRips.barcode(new PointCloud(count, plane, cloud.clone()), 1).betti(1);
        }
        return out;
    }
}
