package org.adabet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteConfigsTest {
    @Test
    void theSyntheticAndFashionSuitesSweepThreeSeedsAndTheControls() {
        for (String name : List.of("synthetic", "fashion")) {
            SweepConfig c = ConfigLoader.load(name, List.of());
            assertTrue(c.retrain().seeds().size() >= 3, name + " seeds " + c.retrain().seeds());
            assertTrue(
                    c.selection()
                            .methods()
                            .containsAll(
                                    List.of(
                                            "adabet",
                                            "inverse_dimension",
                                            "representation_change")),
                    name + " methods " + c.selection().methods());
            assertEquals(0.2, c.retrain().validationFraction());
        }
        SweepConfig fashion = ConfigLoader.load("fashion", List.of());
        assertEquals(4, fashion.model().architectures().size());
        assertEquals(
                List.of("idx_held_out", "idx_noise", "idx_subpopulation"),
                fashion.data().targets());
        // The paper's shape: at least 12 architecture x target pairs, at least 3 seeds.
        assertTrue(fashion.model().architectures().size() * fashion.data().targets().size() >= 12);
        assertTrue(fashion.retrain().seeds().size() >= 3);
        assertEquals(3, fashion.data().sourceClasses());
    }

    @Test
    void anIdxTargetWithoutASuiteIsRefusedByName() {
        ConfigException e =
                org.junit.jupiter.api.Assertions.assertThrows(
                        ConfigException.class,
                        () -> ConfigLoader.load("quick", List.of("data.targets=[idx_blur]")));
        assertTrue(e.getMessage().contains("idx_blur"), e.getMessage());
    }
}
