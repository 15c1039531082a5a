package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.data.io.IdxFiles;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.selection.SelectionCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the IDX suite through the sweep's tasks, on small files the test writes. */
class IdxSweepTasksTest {
    @TempDir Path dir;

    @Test
    void pretrainsOnTheIdxSourceAndRetrainsAHeldOutHead() throws IOException {
        IdxFiles.write(dir, 30, 10);
        SweepConfig config =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s]",
                                "model.width=4",
                                "data.image-size=16",
                                "data.source.classes=2",
                                "data.source.train-per-class=16",
                                "data.source.test-per-class=4",
                                "data.target.train-per-class=12",
                                "data.target.test-per-class=4",
                                "data.idx.path=\"" + dir + "\"",
                                "data.idx.source-classes=[[0, 1], [2]]",
                                "data.idx.subpopulation-classes=[[3], [4]]",
                                "data.idx.held-out-classes=[3, 4, 5]",
                                "data.targets=[idx_held_out, idx_noise, idx_subpopulation]",
                                "pretrain.epochs=1",
                                "pretrain.batch-size=8",
                                "statistics.batches=1",
                                "statistics.batch-size=8",
                                "retrain.epochs=2",
                                "retrain.batch-size=8"));
        SweepPlan plan = SweepPlan.of(config);
        assertEquals(3, plan.pairs().size());
        PretrainedModel model = SweepTasks.pretrain(config, "convnet_s");
        assertTrue(model.sourceAccuracy() >= 0);
        Pair held = new Pair("convnet_s", "idx_held_out");
        assertTrue(Domains.newHead(config.data(), held.target()));
        assertEquals(3, Domains.numClasses(config.data(), held.target()));
        StatisticsOutcome stats = SweepTasks.statistics(config, model, new StatisticsTask(held, 0));
        assertTrue(stats.succeeded(), stats.error());
        RetrainTask task =
                new RetrainTask(
                        held,
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
        RetrainOutcome o = SweepTasks.retrain(config, model, task);
        assertTrue(o.succeeded(), o.error());
        // 3 classes x 12 images: round(12 * 0.2) = 2 per class validate, 30 fit.
        assertEquals(2, o.epochValidationAccuracy().size());
        assertEquals(
                30,
                Domains.trainingParts(config.seed(), config.data(), 0.2, held.target())
                        .fit()
                        .size());
        // A new 3-class head on convnet_s's last stage (4 x width = 16 channels).
        assertEquals(16 * 3 + 3, o.trainableParameters());
    }
}
