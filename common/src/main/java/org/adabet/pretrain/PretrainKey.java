package org.adabet.pretrain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.adabet.config.DataConfig;
import org.adabet.config.TrainConfig;
import org.adabet.data.SyntheticSuite;
import org.adabet.model.Architecture;
import org.adabet.platform.ReproducibleMode;

/**
 * The content key of a pretrained model: a hash of everything that determines its weights
 * (architecture, source data and its generator version, training settings, seed, and the kernel
 * path libtorch takes, whose rounding the weights carry). Settings that do not touch pretraining
 * (targets, retraining, selection) are left out so they share the cache.
 */
public final class PretrainKey {
    private PretrainKey() {}

    public static String of(
            Architecture architecture, DataConfig data, TrainConfig training, long seed) {
        String text =
                String.join(
                        "|",
                        "arch=" + architecture,
                        "data="
                                + data.imageSize()
                                + ","
                                + data.sourceClasses()
                                + ","
                                + data.sourceTrainPerClass()
                                + ","
                                + data.sourceTestPerClass()
                                + ",generator="
                                + SyntheticSuite.GENERATOR_VERSION
                                // An IDX source pretrains on other images: another model.
                                + (data.idx().enabled()
                                        ? ",idx=" + data.idx().path() + data.idx().sourceClasses()
                                        : ""),
                        "train="
                                + training.epochs()
                                + ","
                                + training.batchSize()
                                + ","
                                + training.learningRate()
                                + ","
                                + training.momentum()
                                + ","
                                + training.weightDecay(),
                        "seed=" + seed,
                        "kernels=" + ReproducibleMode.kernelPath());
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return architecture.name() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
