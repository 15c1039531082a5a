package org.adabet.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.model.Architecture;
import org.adabet.model.LayerInfo;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.model.TrainableSpec;
import org.adabet.model.VisionTransformers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a ViT keeps for the backward pass (LayerNorm, attention, GELU), counted by hand on a
 * one-block ViT built here: 8x8 images, 4x4 patches (S = 4 + 1 tokens), D = 8, 2 heads, MLP 16.
 *
 * <p>PyTorch agrees: {@code src/test/resources/memory/vit_saved_tensors.py} counts the float
 * activations autograd saves for the same block (torch 1.13, Debian's python3-torch, {@code
 * saved_tensors_hooks}, parameters left out, a tensor saved twice counted once): 800 per sample for
 * full fine-tuning, 8 for the head alone, 400 for ln_1's shift alone, 138 for mlp.3, encoder.ln and
 * the head, as counted below (80 + 50 + 8 for the last).
 */
class VitMemoryTest {
    private static final int BATCH = 3;
    private static final MemoryModel MODEL = new MemoryModel(BATCH, 4);

    private static List<LayerInfo> tinyVit() {
        Architecture a = VisionTransformers.build("vit_hand", 8, 4, 1, 2, 8, 16, 3);
        try (Network net = Networks.create(a, 1)) {
            return net.layers();
        }
    }

    private static long activationBits(List<LayerInfo> layers, TrainableSpec spec) {
        return MODEL.training(layers, spec).activationBits();
    }

    @Test
    void fullFineTuningKeepsEveryLayerNormAttentionAndGeluTensor() {
        List<LayerInfo> layers = tinyVit();
        // Per sample. Weight gradients: conv_proj its input 3*8*8 = 192; tokens none; attention
        // its input 5*8 and the attention-weighted values 5*8; mlp.0 its input 40; mlp.3 its input
        // 5*16 = 80; head the class token 8. LayerNorms (ln_1, ln_2, encoder.ln): input 40 + mean
        // and rstd 2 * 5 tokens = 50 each; attention: Q, K, V 3*40 + softmax 2 heads * 5 * 5 = 170;
        // GELU: its input, mlp.0's output 80.
        long weights = 192 + 0 + 80 + 40 + 80 + 8;
        long pass = 3 * 50 + 170 + 80;
        TrainableSpec all = TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList());
        assertEquals(BATCH * 32L * (weights + pass), activationBits(layers, all));
    }

    @Test
    void onlyWhatFollowsTheEarliestTrainedLayerIsKept() {
        List<LayerInfo> layers = tinyVit();
        String p = "encoder.layers.encoder_layer_0.";
        // mlp.3 and after: its input 80, encoder.ln 50; the GELU before it is not passed through.
        assertEquals(
                BATCH * 32L * (80 + 50),
                activationBits(layers, TrainableSpec.layers(List.of(p + "mlp.3"))));
        // The head alone: its input only.
        assertEquals(
                BATCH * 32L * 8,
                activationBits(layers, TrainableSpec.layers(List.of("heads.head"))));
        // ln_1's shift alone: from ln_1 on every LayerNorm, attention and GELU tensor, no weight
        // inputs.
        assertEquals(
                BATCH * 32L * (3 * 50 + 170 + 80),
                activationBits(layers, new TrainableSpec(Set.of(), Set.of(p + "ln_1"), Map.of())));
        // The attention trained: its input and the weighted values (80), then Q, K, V and the
        // softmax (170), ln_2 50, the GELU 80, encoder.ln 50; ln_1 before it keeps nothing. (A
        // frozen attention, as under ln_1's shift above, keeps the 170 without the 80.)
        assertEquals(
                BATCH * 32L * (80 + 170 + 50 + 80 + 50),
                activationBits(layers, TrainableSpec.layers(List.of(p + "self_attention"))));
    }

    @Test
    void layerBitsStillAddUpOnAVit() {
        List<LayerInfo> layers = tinyVit();
        List<String> chosen =
                List.of("encoder.layers.encoder_layer_0.self_attention", "heads.head");
        MemoryEstimate e = MODEL.training(layers, TrainableSpec.layers(chosen));
        long bits = MODEL.baseBits(layers) + MODEL.passBits(layers, 3);
        for (LayerInfo l : layers) {
            bits += chosen.contains(l.name()) ? MODEL.layerBits(l) : 0;
        }
        assertEquals(
                e.parameterBits()
                        + e.gradientBits()
                        + e.optimizerBits()
                        + e.activationBits()
                        + e.transientBits(),
                bits);
    }

    /**
     * ViT-B/16 at 224x224, batch 32, full fine-tuning: the tensors added per block, by hand (S =
     * 197, D = 768, 12 heads, MLP 3072), and the figure before this change (weight inputs only),
     * printed for the README.
     */
    @Test
    @Tag("slow")
    void vitB16FullFineTuningAtBatch32() {
        List<LayerInfo> layers;
        try (Network net = Networks.create(VisionTransformers.vitB16(224, 1000), 1)) {
            layers = net.layers();
        }
        MemoryModel model = new MemoryModel(32, 4);
        TrainableSpec all = TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList());
        MemoryEstimate after = model.training(layers, all);
        // Before: 32 bits of every trained layer's input (the tokens' input included), no
        // LayerNorm, attention or GELU tensors.
        long beforeBits =
                32L * 32 * layers.stream().mapToLong(LayerInfo::inputElements).sum()
                        + after.parameterBits()
                        + after.gradientBits()
                        + after.optimizerBits()
                        + after.transientBits();
        long s = 197;
        long d = 768;
        long block =
                2 * (s * d + 2 * s) // ln_1, ln_2: input, mean, rstd
                        + 3 * s * d
                        + 12 * s * s // Q, K, V, softmax
                        + s * d // attention-weighted values
                        + s * 3072 // GELU input
                        - 2 * s * d; // the LayerNorms' inputs, counted before as weight inputs
        long lastNorm = 2 * s; // encoder.ln's mean and rstd (its input was counted before)
        long tokensInput = (s - 1) * d; // counted before, kept by nothing
        long afterBits =
                after.parameterBits()
                        + after.gradientBits()
                        + after.optimizerBits()
                        + after.activationBits()
                        + after.transientBits();
        assertEquals(
                32L * 32 * (12 * block + lastNorm - tokensInput),
                afterBits - beforeBits,
                "added activation bits");
        System.out.printf(
                "ViT-B/16 224x224 batch 32 full fine-tuning: before %,d B, after %,d B"
                        + " (activations %,d B)%n",
                MemoryEstimate.bytes(beforeBits), after.total(), after.activations());
    }
}
