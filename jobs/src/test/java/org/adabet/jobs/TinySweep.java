package org.adabet.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;

/** The Spark tests' sweeps: convnet_s on 16x16 images, a few per class, small batches. */
final class TinySweep {
    private TinySweep() {}

    /**
     * The quick configuration made tiny, with the test's own settings added (keys not set here).
     */
    static SweepConfig config(Path cacheDir, String outputDir, String... settings) {
        return ConfigLoader.load("quick", settings(cacheDir, outputDir, settings));
    }

    /** The settings of {@link #config}, as {@code --set} values for a command line. */
    static List<String> settings(Path cacheDir, String outputDir, String... settings) {
        List<String> all =
                new ArrayList<>(
                        List.of(
                                "model.architectures=[convnet_s]",
                                "data.image-size=16",
                                "data.source.classes=4",
                                "data.source.train-per-class=16",
                                "data.source.test-per-class=8",
                                "data.target.test-per-class=8",
                                "model.width=4",
                                "pretrain.epochs=1",
                                "pretrain.batch-size=16",
                                "statistics.batch-size=16",
                                "retrain.batch-size=16",
                                "pretrain.cache-dir=\"" + cacheDir + "\"",
                                "output.dir=\"" + outputDir + "\""));
        all.addAll(List.of(settings));
        return all;
    }
}
