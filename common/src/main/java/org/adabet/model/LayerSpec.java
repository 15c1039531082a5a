package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A leaf of the {@link Module} tree, engine-independent. Leaves with trainable weights
 * (convolution, batch norm, linear, layer norm, multi-head attention, ViT's token embedding) are
 * AdaBet's candidate layers and are named by their torchvision module path; the others only
 * transform.
 *
 * @param name torchvision module path, e.g. {@code layer1.0.conv1}; null for leaves without weights
 * @param inChannels input channels / features (attention, tokens, layer norm: the hidden size)
 * @param outChannels output channels / features
 * @param kernel convolution or pooling window (adaptive pooling: the output size)
 * @param padding zero padding of a convolution or max pooling
 * @param groups convolution groups (depthwise: {@code groups == inChannels})
 * @param bias whether a convolution or linear layer has a bias
 * @param extra attention: the number of heads; tokens: the sequence length with the class token
 */
public record LayerSpec(
        Kind kind,
        String name,
        int inChannels,
        int outChannels,
        int kernel,
        int stride,
        int padding,
        int groups,
        boolean bias,
        int extra)
        implements Module {

    /** What a leaf computes. */
    public enum Kind {
        CONV,
        BATCH_NORM,
        LINEAR,
        LAYER_NORM,
        ATTENTION,
        TOKENS,
        RELU,
        RELU6,
        GELU,
        GLOBAL_AVG_POOL,
        MAX_POOL,
        ADAPTIVE_AVG_POOL,
        FLATTEN,
        PATCHES,
        CLASS_TOKEN;

        /** Whether leaves of this kind hold trainable weights (and so are candidate layers). */
        public boolean hasWeights() {
            return ordinal() <= TOKENS.ordinal();
        }

        /**
         * Whether this is a nonlinearity whose backward pass needs only a 1-bit mask of its input
         * (ReLU, ReLU6 with its two bounds counted as one mask). GELU is not: its derivative
         * depends on the input value, so the full input must be kept.
         */
        public boolean keepsMask() {
            return this == RELU || this == RELU6;
        }
    }

    public LayerSpec {
        if (kind.hasWeights() && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException("a " + kind + " layer needs a name");
        }
    }

    /** A bias-free convolution with padding kernel/2 (followed by BatchNorm, as in torchvision). */
    static LayerSpec conv(String name, int in, int out, int kernel, int stride) {
        return conv(name, in, out, kernel, stride, kernel / 2, 1, false);
    }

    static LayerSpec conv(
            String name,
            int in,
            int out,
            int kernel,
            int stride,
            int padding,
            int groups,
            boolean bias) {
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException(
                    "conv "
                            + name
                            + ": "
                            + in
                            + " -> "
                            + out
                            + " channels do not divide into "
                            + groups
                            + " groups");
        }
        return new LayerSpec(Kind.CONV, name, in, out, kernel, stride, padding, groups, bias, 0);
    }

    static LayerSpec batchNorm(String name, int channels) {
        return new LayerSpec(Kind.BATCH_NORM, name, channels, channels, 0, 1, 0, 1, true, 0);
    }

    static LayerSpec linear(String name, int in, int out) {
        return new LayerSpec(Kind.LINEAR, name, in, out, 0, 1, 0, 1, true, 0);
    }

    static LayerSpec layerNorm(String name, int features) {
        return new LayerSpec(Kind.LAYER_NORM, name, features, features, 0, 1, 0, 1, true, 0);
    }

    /**
     * torchvision's {@code nn.MultiheadAttention(hidden, heads, batch_first=True)}, self-attention.
     */
    static LayerSpec attention(String name, int hidden, int heads) {
        if (hidden % heads != 0) {
            throw new IllegalArgumentException(
                    "attention "
                            + name
                            + ": hidden size "
                            + hidden
                            + " is not divisible by "
                            + heads
                            + " heads");
        }
        return new LayerSpec(Kind.ATTENTION, name, hidden, hidden, 0, 1, 0, 1, true, heads);
    }

    /**
     * ViT's free parameters {@code class_token} [1, 1, D] and {@code encoder.pos_embedding} [1, S,
     * D] as one candidate layer named {@code encoder.pos_embedding}: it prepends the class token to
     * the patch tokens and adds the position embedding; its output is the encoder's first input.
     */
    static LayerSpec tokens(String name, int hidden, int sequence) {
        return new LayerSpec(Kind.TOKENS, name, hidden, hidden, 0, 1, 0, 1, false, sequence);
    }

    static LayerSpec op(Kind kind) {
        return new LayerSpec(kind, null, 0, 0, 0, 1, 0, 1, false, 0);
    }

    static LayerSpec relu() {
        return op(Kind.RELU);
    }

    static LayerSpec globalAvgPool() {
        return op(Kind.GLOBAL_AVG_POOL);
    }

    static LayerSpec maxPool(int kernel, int stride, int padding) {
        return new LayerSpec(Kind.MAX_POOL, null, 0, 0, kernel, stride, padding, 1, false, 0);
    }

    static LayerSpec adaptiveAvgPool(int outputSize) {
        return new LayerSpec(Kind.ADAPTIVE_AVG_POOL, null, 0, 0, outputSize, 1, 0, 1, false, 0);
    }

    /**
     * The tensors of this layer in torchvision's {@code state_dict} order; empty for leaves without
     * weights.
     */
    public List<ParameterSpec> parameters() {
        List<ParameterSpec> out = new ArrayList<>();
        long in = inChannels;
        long o = outChannels;
        switch (kind) {
            case CONV -> {
                out.add(
                        tensor(
                                "weight",
                                ParameterSpec.Role.WEIGHT,
                                0,
                                o,
                                in / groups,
                                kernel,
                                kernel));
                if (bias) {
                    out.add(tensor("bias", ParameterSpec.Role.BIAS, 0, o));
                }
            }
            case BATCH_NORM -> {
                out.add(tensor("weight", ParameterSpec.Role.WEIGHT, 0, o));
                out.add(tensor("bias", ParameterSpec.Role.BIAS, 0, o));
                out.add(tensor("running_mean", ParameterSpec.Role.STATISTIC, 0, o));
                out.add(tensor("running_var", ParameterSpec.Role.STATISTIC, 0, o));
            }
            case LINEAR -> {
                out.add(tensor("weight", ParameterSpec.Role.WEIGHT, 0, o, in));
                if (bias) {
                    out.add(tensor("bias", ParameterSpec.Role.BIAS, 0, o));
                }
            }
            case LAYER_NORM -> {
                out.add(tensor("weight", ParameterSpec.Role.WEIGHT, 0, o));
                out.add(tensor("bias", ParameterSpec.Role.BIAS, 0, o));
            }
            case ATTENTION -> {
                // Query, key and value projections stacked on the leading axis, as PyTorch stores
                // them.
                out.add(tensor("in_proj_weight", ParameterSpec.Role.WEIGHT, 0, 3 * o, in));
                out.add(tensor("in_proj_bias", ParameterSpec.Role.BIAS, 0, 3 * o));
                out.add(tensor("out_proj.weight", ParameterSpec.Role.WEIGHT, 0, o, o));
                out.add(tensor("out_proj.bias", ParameterSpec.Role.BIAS, 0, o));
            }
            case TOKENS -> {
                out.add(
                        new ParameterSpec(
                                "class_token",
                                "class_token",
                                new long[] {1, 1, o},
                                ParameterSpec.Role.WEIGHT,
                                2));
                out.add(
                        new ParameterSpec(
                                "pos_embedding",
                                name,
                                new long[] {1, extra, o},
                                ParameterSpec.Role.WEIGHT,
                                2));
            }
            default -> {
                // no weights
            }
        }
        return out;
    }

    /** Trainable parameters (running statistics excluded). */
    public long parameterCount() {
        return parameters().stream()
                .filter(p -> p.role() != ParameterSpec.Role.STATISTIC)
                .mapToLong(ParameterSpec::size)
                .sum();
    }

    private ParameterSpec tensor(
            String local, ParameterSpec.Role role, int channelAxis, long... shape) {
        return new ParameterSpec(local, name + "." + local, shape, role, channelAxis);
    }
}
