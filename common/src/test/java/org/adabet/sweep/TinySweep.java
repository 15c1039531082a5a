package org.adabet.sweep;

import java.util.ArrayList;
import java.util.List;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;

/**
 * The quick configuration shrunk so that pretraining and retraining take seconds: 16x16 images,
 * width 4, 8 source and 12 target training images per class, one pretraining epoch. Tests add what
 * they vary.
 */
final class TinySweep {
    private TinySweep() {}

    /**
     * @param architectures a HOCON list, e.g. {@code [convnet_s]}
     * @param more further {@code key=value} overrides
     */
    static SweepConfig config(String architectures, String... more) {
        List<String> overrides =
                new ArrayList<>(
                        List.of(
                                "model.architectures=" + architectures,
                                "data.image-size=16",
                                "data.source.classes=4",
                                "data.source.train-per-class=8",
                                "data.source.test-per-class=4",
                                "data.target.train-per-class=12",
                                "data.target.test-per-class=4",
                                "model.width=4",
                                "pretrain.epochs=1",
                                "pretrain.batch-size=8"));
        overrides.addAll(List.of(more));
        return ConfigLoader.load("quick", overrides);
    }
}
