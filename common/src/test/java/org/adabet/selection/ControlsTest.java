package org.adabet.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adabet.memory.MemoryModel;
import org.adabet.model.LayerInfo;
import org.junit.jupiter.api.Test;

class ControlsTest {
    /** Four layers of 4000, 1000, 2000 and 10 output elements; the last is the head. */
    private static List<LayerInfo> layers() {
        long[] outputs = {4000, 1000, 2000, 10};
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            out.add(
                    new LayerInfo(
                            i, "l" + i, "conv", 100, 0, 100, outputs[i], 4, 1000, false, i == 3));
        }
        return out;
    }

    private static SelectionContext context(PairEvidence evidence, double rho) {
        return new SelectionContext(
                layers(), evidence, Budget.ofRho(rho), 1, new MemoryModel(4, 4), 0.5);
    }

    @Test
    void inverseDimensionScoresOneOverTheOutputSizeAndNeedsNoData() {
        SelectionMethod m = SelectionMethods.get("inverse_dimension");
        assertTrue(m.requires().isEmpty());
        assertFalse(m.cost(4).needsLabels());
        Map<String, Double> s = ((ScoringMethod) m).scores(context(PairEvidence.NONE, 0.5));
        assertEquals(1.0 / 4000, s.get("l0"));
        assertEquals(1.0 / 10, s.get("l3"));
        // floor(0.5 * 4) = 2: the two smallest outputs, the head and l1.
        assertEquals(
                List.of("l1", "l3"),
                m.select(context(PairEvidence.NONE, 0.5)).layers().stream().sorted().toList());
    }

    @Test
    void representationChangeTrainsTheLayersThatChangeTheRepresentationMost() {
        SelectionMethod m = SelectionMethods.get("representation_change");
        assertEquals(java.util.Set.of(Evidence.REPRESENTATION_CHANGE), m.requires());
        assertEquals(new SelectionCost(false, 4, 0), m.cost(4));
        PairEvidence e =
                new PairEvidence(
                        Map.of(),
                        Map.of(),
                        List.of(),
                        Map.of("l0", 0.1, "l1", 0.7, "l2", 0.2, "l3", 0.5));
        assertEquals(
                List.of("l1", "l3"), m.select(context(e, 0.5)).layers().stream().sorted().toList());
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> m.select(context(PairEvidence.NONE, 0.5)));
        assertTrue(missing.getMessage().contains("representation_change"), missing.getMessage());
    }
}
