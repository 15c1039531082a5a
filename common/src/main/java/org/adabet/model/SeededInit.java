package org.adabet.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adabet.seed.Seeds;

/**
 * Initial parameter values from Java generators keyed by (seed, parameter name), so that
 * initialisation does not depend on the engine's global random state or on which tasks share a JVM.
 * Follows PyTorch's layer defaults, not torchvision's model-specific schemes (pretrained weights
 * are loaded, not initialised): convolution and linear weights and biases uniform in
 * +-1/sqrt(fan_in) (kaiming_uniform with a = sqrt(5)); BatchNorm and LayerNorm weight 1, bias 0,
 * running mean 0, running variance 1; multi-head attention as {@code nn.MultiheadAttention} (input
 * projection Xavier-uniform, output projection the linear default, biases 0); ViT's class token 0
 * and position embedding normal with standard deviation 0.02, as torchvision.
 */
final class SeededInit {
    private SeededInit() {}

    static float[] values(LayerSpec layer, ParameterSpec parameter, long seed) {
        int length = Math.toIntExact(parameter.size());
        float[] out = new float[length];
        String local = parameter.local();
        switch (layer.kind()) {
            case BATCH_NORM, LAYER_NORM -> {
                if (local.equals("weight") || local.equals("running_var")) {
                    Arrays.fill(out, 1f);
                }
                return out;
            }
            case ATTENTION -> {
                if (local.endsWith("bias")) {
                    return out;
                }
                long in = layer.inChannels();
                // Xavier-uniform over the stacked [3D, D] matrix, as PyTorch's _reset_parameters.
                double bound =
                        local.equals("in_proj_weight")
                                ? Math.sqrt(6.0 / (in + 3 * in))
                                : 1.0 / Math.sqrt(in);
                return uniform(parameter, bound, seed, out);
            }
            case TOKENS -> {
                if (local.equals("pos_embedding")) {
                    SplittableRandom rng = Seeds.random(seed, "init|" + parameter.key());
                    for (int i = 0; i < length; i++) {
                        out[i] = (float) (0.02 * rng.nextGaussian());
                    }
                }
                return out;
            }
            default -> {
                long fanIn =
                        layer.kind() == LayerSpec.Kind.CONV
                                ? (long) layer.inChannels()
                                        / layer.groups()
                                        * layer.kernel()
                                        * layer.kernel()
                                : layer.inChannels();
                return uniform(parameter, 1.0 / Math.sqrt(fanIn), seed, out);
            }
        }
    }

    private static float[] uniform(ParameterSpec parameter, double bound, long seed, float[] out) {
        SplittableRandom rng = Seeds.random(seed, "init|" + parameter.key());
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) rng.nextDouble(-bound, bound);
        }
        return out;
    }
}
