package org.adabet.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingResultTest {
    @Test
    void theEpochIsChosenOnValidationNotOnTestAccuracy() {
        // Test accuracy peaks at epoch 2, validation at epoch 3: the headline is epoch 3's test.
        TrainingResult r =
                new TrainingResult(
                        List.of(0.50, 0.90, 0.70, 0.60),
                        List.of(0.40, 0.50, 0.80, 0.60),
                        0.1,
                        8,
                        5);
        assertEquals(3, r.bestEpoch());
        assertEquals(0.70, r.testAccuracy());
        assertEquals(0.80, r.validationAccuracy());
        assertEquals(0.60, r.finalAccuracy());
    }

    @Test
    void tiesGoToTheFirstEpochAndNoValidationChoosesTheLast() {
        TrainingResult tie =
                new TrainingResult(List.of(0.1, 0.2, 0.3), List.of(0.5, 0.7, 0.7), 0, 3, 1);
        assertEquals(2, tie.bestEpoch());
        assertEquals(0.2, tie.testAccuracy());
        TrainingResult none = new TrainingResult(List.of(0.1, 0.9, 0.3), 0, 3, 1);
        assertEquals(3, none.bestEpoch());
        assertEquals(0.3, none.testAccuracy());
        assertTrue(Double.isNaN(none.validationAccuracy()));
    }
}
