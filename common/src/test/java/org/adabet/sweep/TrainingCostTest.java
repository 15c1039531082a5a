package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.api.Test;

/**
 * {@link TrainingCost} on a three-layer network whose FLOPs are round numbers, against values
 * worked out by hand in the comments.
 */
class TrainingCostTest {
    // Forward FLOPs 100, 60, 40: F(all) = 200. Training every layer: forward 200, input gradients
    // of the layers after the first 60 + 40, weight gradients 100 + 60 + 40: T(all) = 500.
    private static final List<LayerInfo> LAYERS =
            List.of(layer(0, "a", 100, false), layer(1, "b", 60, false), layer(2, "c", 40, true));

    // 2 ms per trained image (64 ms per step of 32), 1 ms per inferred image (256 ms per 256).
    private static final StepCosts COSTS = new StepCosts(64, 32, 10, 32, 10, 256, 256);

    // 2 epochs x floor(10 / 4) = 2 steps of 4 images: 16 stepped images; 5 evaluated per epoch.
    private static final TrainingCost.Schedule SCHEDULE = new TrainingCost.Schedule(2, 10, 4, 5);

    private static LayerInfo layer(int index, String name, long flops, boolean head) {
        return new LayerInfo(index, name, "conv", 10, 0, 1, 1, 1, flops, true, head);
    }

    private static TrainableSpec only(String name) {
        return TrainableSpec.layers(List.of(name));
    }

    @Test
    void steppedImagesDropTheLastIncompleteBatch() {
        assertEquals(16, SCHEDULE.steppedImages());
        // A split smaller than the batch is one step of the whole split per epoch.
        assertEquals(2 * 3, new TrainingCost.Schedule(2, 3, 5, 0).steppedImages());
    }

    @Test
    void aStepFromTheCutPaysTheSuffixForwardAndTheBackwardToTheEarliestTrainedLayer() {
        // {c} behind 2 frozen: T = 200 + 0 + 40 = 240, minus F(prefix) = 160: 80 / 500.
        assertEquals(0.16, TrainingCost.stepShare(LAYERS, only("c"), 2), 1e-12);
        // {b} behind 1 frozen: T = 200 + 40 + 60 = 300, minus 100: 200 / 500.
        assertEquals(0.4, TrainingCost.stepShare(LAYERS, only("b"), 1), 1e-12);
        // {a}, no cut: T = 200 + 100 + 100 = 400 / 500.
        assertEquals(0.8, TrainingCost.stepShare(LAYERS, only("a"), 0), 1e-12);
        // Every layer, no cut: the calibrated step itself.
        assertEquals(
                1.0,
                TrainingCost.stepShare(LAYERS, TrainableSpec.layers(List.of("a", "b", "c")), 0),
                1e-12);
    }

    @Test
    void aRunIsItsSuffixStepsPlusOneSuffixEvaluationPerEpoch() {
        // 16 images x 2 ms x 0.16 + 2 epochs x 5 images x 1 ms x (40 / 200).
        assertEquals(
                16 * 2 * 0.16 + 2 * 5 * 0.2,
                TrainingCost.runMillis(COSTS, LAYERS, only("c"), 2, SCHEDULE),
                1e-9);
        assertEquals(
                16 * 2 * 0.4 + 2 * 5 * 0.5,
                TrainingCost.runMillis(COSTS, LAYERS, only("b"), 1, SCHEDULE),
                1e-9);
        assertEquals(
                16 * 2 * 0.8 + 2 * 5 * 1.0,
                TrainingCost.runMillis(COSTS, LAYERS, only("a"), 0, SCHEDULE),
                1e-9);
    }

    @Test
    void theSameRunWithoutACutPaysTheWholeNetworkEveryStep() {
        // {c} without the cache: T = 240 / 500 of a step, the whole evaluation.
        assertEquals(
                16 * 2 * 0.48 + 2 * 5 * 1.0,
                TrainingCost.runMillis(COSTS, LAYERS, only("c"), 0, SCHEDULE),
                1e-9);
    }

    @Test
    void prefixOutputsAreOneInferencePassOfThePrefixPerImage() {
        // 15 images x 1 ms x 160 / 200.
        assertEquals(12, TrainingCost.prefixPassMillis(COSTS, LAYERS, 2, 15), 1e-9);
        assertEquals(0, TrainingCost.prefixPassMillis(COSTS, LAYERS, 0, 15), 1e-9);
        assertThrows(
                IllegalArgumentException.class,
                () -> TrainingCost.prefixPassMillis(COSTS, LAYERS, 4, 15));
    }

    @Test
    void pretrainingAndAdaptationRunTheWholeNetwork() {
        assertEquals(16 * 2 + 2 * 5 * 1, TrainingCost.wholeNetworkMillis(COSTS, SCHEDULE), 1e-9);
        assertEquals(15, TrainingCost.adaptMillis(COSTS, 15), 1e-9);
    }
}
