package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.Network;
import org.adabet.model.Networks;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.pretrain.PretrainedWeights;
import org.adabet.selection.SelectionCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset folder on disk as a sweep target, with pretrained weights from a file. */
class DatasetTargetTest {

    private static void writeDataset(Path root) throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        for (String cls : List.of("ant", "bee", "cat")) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 8; i++) {
                BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 20; y++) {
                    for (int x = 0; x < 20; x++) {
                        img.setRGB(x, y, rng.nextInt(1 << 24));
                    }
                }
                ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        Files.write(root.resolve("cat").resolve("broken.png"), new byte[] {1, 2, 3});
    }

    private static SweepConfig config(Path data, Path weights) {
        return ConfigLoader.load(
                "quick",
                List.of(
                        "model.architectures=[convnet_s]",
                        "data.image-size=16",
                        "data.source.classes=4",
                        "model.width=4",
                        "data.datasets=[{name=tiny, format=image-folder, path=\""
                                + data
                                + "\", classes=3, test-fraction=0.25}]",
                        "data.targets=[tiny]",
                        "model.weights={convnet_s=\"" + weights + "\"}",
                        "statistics.batches=1",
                        "statistics.batch-size=8",
                        "retrain.epochs=1",
                        "retrain.batch-size=4",
                        "retrain.seeds=[0]"));
    }

    @Test
    void aDatasetFolderIsATargetWithANewHeadAndWeightsComeFromAFile(@TempDir Path dir)
            throws Exception {
        writeDataset(dir.resolve("data"));
        Path weights = dir.resolve("convnet_s.params");
        SweepConfig probe = config(dir.resolve("data"), dir.resolve("data"));
        try (Network source =
                Networks.create(SweepPlan.sourceArchitecture(probe, "convnet_s"), 5)) {
            Files.write(weights, source.parameters().toBytes());
        }
        SweepConfig config = config(dir.resolve("data"), weights);
        SweepPlan plan = SweepPlan.of(config);
        Pair pair = plan.pairs().get(0);
        assertEquals(new Pair("convnet_s", "tiny"), pair);
        PretrainedModel model =
                PretrainedWeights.load(weights, SweepPlan.sourceArchitecture(config, "convnet_s"));

        StatisticsOutcome stats =
                SweepTasks.statistics(config, model, plan.statisticsTasks().get(0));
        assertTrue(stats.succeeded(), stats.error());
        assertEquals(11, stats.layers().size());
        // The head was replaced: 3 classes, so its activations have 3 dimensions.
        assertEquals(3, stats.layers().get(10).dimension());

        RetrainTask task =
                new RetrainTask(
                        pair,
                        "test",
                        null,
                        0,
                        TrainableSpec.layers(List.of("classifier")),
                        List.of("classifier"),
                        SelectionCost.NOTHING,
                        0,
                        0,
                        new MemoryEstimate(0, 0, 0, 0, 0),
                        0,
                        0);
        RetrainOutcome run = SweepTasks.retrain(config, model, task);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> report =
                (java.util.Map<String, Object>) Domains.datasetReports(config.data()).get("tiny");
        assertEquals(List.of("ant", "bee", "cat"), report.get("classes"));
        assertEquals(1, ((List<?>) report.get("skipped")).size(), report.toString());
        assertTrue(report.get("skipped").toString().contains("broken.png"), report.toString());
        assertTrue(run.succeeded(), run.error());
        assertEquals(16 * 3 + 3, run.trainableParameters()); // last stage: 4 x width channels
    }

    @Test
    void missingFilesAndMisfittingWeightsAreNamed(@TempDir Path dir) throws Exception {
        ConfigException noData =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SweepPlan.of(
                                        config(dir.resolve("nowhere"), dir.resolve("w.params"))));
        assertTrue(noData.getMessage().contains("w.params"), noData.getMessage());
        Files.write(dir.resolve("w.params"), new byte[] {0});
        ConfigException noFolder =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SweepPlan.of(
                                        config(dir.resolve("nowhere"), dir.resolve("w.params"))));
        assertTrue(noFolder.getMessage().contains("nowhere"), noFolder.getMessage());

        SweepConfig config = config(dir, dir.resolve("w.params"));
        Path wrong = dir.resolve("wide.params");
        try (Network other =
                Networks.create(org.adabet.model.Architectures.build("convnet_s", 8, 16, 4), 1)) {
            Files.write(wrong, other.parameters().toBytes());
        }
        IllegalArgumentException misfit =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                PretrainedWeights.load(
                                        wrong, SweepPlan.sourceArchitecture(config, "convnet_s")));
        assertTrue(
                misfit.getMessage().contains("wide.params")
                        && misfit.getMessage().contains("features.0.conv.weight"),
                misfit.getMessage());
    }

    @Test
    void paperConfigurationParsesAndNamesTheFirstMissingFile() {
        SweepConfig paper = ConfigLoader.load("paper", List.of());
        assertEquals(4, paper.model().architectures().size());
        assertEquals(List.of("cub200", "pets", "dogs", "flowers102"), paper.data().targets());
        ConfigException e = assertThrows(ConfigException.class, () -> SweepPlan.of(paper));
        assertTrue(e.getMessage().contains("/data/weights/"), e.getMessage());
    }
}
