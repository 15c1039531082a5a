package org.adabet.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adabet.seed.Seeds;

/**
 * Initial parameter values from Java generators keyed by (seed, parameter name), so that
 * initialisation does not depend on the engine's global random state or on which tasks share a
 * JVM. Follows PyTorch's defaults: convolution and linear weights and biases uniform in
 * +-1/sqrt(fan_in) (kaiming_uniform with a = sqrt(5)); BatchNorm weight 1, bias 0, running mean
 * 0, running variance 1.
 */
final class SeededInit {
    private SeededInit() {}

    /**
     * @param parameter torchvision-style parameter name within the layer: weight, bias, running_mean, running_var
     */
    static float[] values(LayerSpec layer, String parameter, int length, long seed) {
        float[] out = new float[length];
        if (layer.kind() == LayerSpec.Kind.BATCH_NORM) {
            if (parameter.equals("weight") || parameter.equals("running_var")) {
                Arrays.fill(out, 1f);
            }
            return out;
        }
        long fanIn = layer.kind() == LayerSpec.Kind.CONV
                ? (long) layer.inChannels() * layer.kernel() * layer.kernel()
                : layer.inChannels();
        double bound = 1.0 / Math.sqrt(fanIn);
        SplittableRandom rng = Seeds.random(seed, "init|" + layer.name() + "." + parameter);
        for (int i = 0; i < length; i++) {
            out[i] = (float) rng.nextDouble(-bound, bound);
        }
        return out;
    }
}
