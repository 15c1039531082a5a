package org.adabet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Vision Transformers (Dosovitskiy et al., "An Image is Worth 16x16 Words: Transformers for Image
 * Recognition at Scale", ICLR 2021) as torchvision's {@code VisionTransformer} builds them: {@code
 * conv_proj}, {@code class_token}, {@code encoder.pos_embedding}, {@code
 * encoder.layers.encoder_layer_i.{ln_1, self_attention, ln_2, mlp.0, mlp.3}}, {@code encoder.ln},
 * {@code heads.head}; pre-norm blocks {@code x + attn(ln_1(x))}, {@code y + mlp(ln_2(y))}; exact
 * GELU; dropout left out.
 *
 * <p>Candidate layers: {@code conv_proj}; {@code encoder.pos_embedding}, which holds both free
 * parameters ({@code class_token} and {@code encoder.pos_embedding}) and outputs the token sequence
 * the encoder starts from; per block {@code ln_1}, {@code self_attention} (the whole {@code
 * nn.MultiheadAttention}, input and output projections, as one layer), {@code ln_2}, {@code mlp.0},
 * {@code mlp.3}; {@code encoder.ln}; {@code heads.head}.
 */
public final class VisionTransformers {
    private VisionTransformers() {}

    /** torchvision's {@code vit_b_16}: 86,567,656 parameters at 224x224 and 1000 classes. */
    public static Architecture vitB16(int imageSize, int numClasses) {
        return build("vit_b_16", imageSize, 16, 12, 12, 768, 3072, numClasses);
    }

    /**
     * @param patch patch size; {@code imageSize} must be a multiple of it
     * @param hidden token width, divisible by {@code heads}
     */
    public static Architecture build(
            String name,
            int imageSize,
            int patch,
            int layers,
            int heads,
            int hidden,
            int mlp,
            int numClasses) {
        if (patch < 1 || imageSize % patch != 0) {
            throw new IllegalArgumentException(
                    "ViT "
                            + name
                            + ": image size "
                            + imageSize
                            + " is not a multiple of the patch size "
                            + patch);
        }
        int side = imageSize / patch;
        List<Module> modules = new ArrayList<>();
        modules.add(LayerSpec.conv("conv_proj", 3, hidden, patch, patch, 0, 1, true));
        modules.add(LayerSpec.op(LayerSpec.Kind.PATCHES));
        modules.add(LayerSpec.tokens("encoder.pos_embedding", hidden, side * side + 1));
        for (int i = 0; i < layers; i++) {
            String p = "encoder.layers.encoder_layer_" + i + ".";
            modules.add(
                    new Residual(
                            Sequence.of(
                                    LayerSpec.layerNorm(p + "ln_1", hidden),
                                    LayerSpec.attention(p + "self_attention", hidden, heads)),
                            null,
                            false));
            modules.add(
                    new Residual(
                            Sequence.of(
                                    LayerSpec.layerNorm(p + "ln_2", hidden),
                                    LayerSpec.linear(p + "mlp.0", hidden, mlp),
                                    LayerSpec.op(LayerSpec.Kind.GELU),
                                    LayerSpec.linear(p + "mlp.3", mlp, hidden)),
                            null,
                            false));
        }
        modules.add(LayerSpec.layerNorm("encoder.ln", hidden));
        modules.add(LayerSpec.op(LayerSpec.Kind.CLASS_TOKEN));
        modules.add(LayerSpec.linear("heads.head", hidden, numClasses));
        return new Architecture(name, 3, imageSize, numClasses, new Sequence(modules));
    }
}
