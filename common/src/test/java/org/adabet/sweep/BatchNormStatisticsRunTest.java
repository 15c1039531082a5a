package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigException;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.adabet.pretrain.PretrainedModel;
import org.junit.jupiter.api.Test;

/** {@code bn_stats} (AdaBN) through the plan and the retraining task. */
class BatchNormStatisticsRunTest {

    private static SweepConfig tiny(String architectures, String methods) {
        return TinySweep.config(
                architectures,
                "statistics.batches=2",
                "statistics.batch-size=16",
                "retrain.seeds=[0]",
                "retrain.batch-size=8",
                "selection.methods=" + methods,
                "data.targets=[corrupted]");
    }

    @Test
    void aSweepWhoseNetworksHaveNoBatchNormIsRefusedBeforeAnythingRuns() {
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () -> SweepPlan.of(tiny("[vit_tiny]", "[full, bn_stats]")));
        assertTrue(
                e.getMessage().contains("bn_stats") && e.getMessage().contains("no architecture"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void adaptsWithoutTrainingAndReportsAccuraciesAndInferenceMemory() {
        SweepConfig config = tiny("[convnet_s, vit_tiny]", "[bn_stats]");
        SweepPlan plan = SweepPlan.of(config);
        Map<Pair, List<LayerInfo>> layers = new java.util.HashMap<>();
        Map<Pair, PairSelectionInputs> inputs = new java.util.HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(config, p));
            inputs.put(p, PairSelectionInputs.of(List.of(), null));
        }
        SweepPlan.Runs runs = plan.retrainTasks(layers, inputs);
        // The ViT pair cannot adapt: recorded as a failed run with the reason.
        assertEquals(1, runs.failed().size());
        assertEquals("vit_tiny", runs.failed().get(0).task().pair().architecture());
        assertTrue(runs.failed().get(0).error().contains("no BatchNorm"));
        assertEquals(1, runs.tasks().size());
        RetrainTask task = runs.tasks().get(0);
        assertTrue(task.spec().isEmpty());
        // Inference only: nothing kept for a backward pass, no gradients, no optimizer state.
        assertEquals(0, task.memory().activationBits());
        assertEquals(0, task.memory().gradientBits());
        assertEquals(
                plan.memoryModel().baseBits(layers.get(task.pair())),
                task.memory().parameterBits() + task.memory().transientBits());

        PretrainedModel model = SweepTasks.pretrain(config, "convnet_s");
        RetrainOutcome o = SweepTasks.retrain(config, model, task);
        assertTrue(o.succeeded(), o.error());
        assertEquals(0, o.trainableParameters());
        assertEquals(1, o.epochAccuracy().size());
        assertEquals(1, o.epochValidationAccuracy().size());
        assertTrue(o.testAccuracy() >= 0 && o.testAccuracy() <= 1);
        assertTrue(o.validationAccuracy() >= 0 && o.validationAccuracy() <= 1);
    }
}
