package org.adabet.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;
import org.junit.jupiter.api.Test;

class SelectionMethodsTest {
    private static List<LayerInfo> layers(int n) {
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LayerInfo.simple(i, "l" + i, 10, 100, i == n - 1));
        }
        return out;
    }

    private static Map<String, Double> scores(double... values) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("l" + i, values[i]);
        }
        return m;
    }

    @Test
    void budgetIsFloorOfRhoTimesLayers() {
        assertEquals(1, LayerBudget.layers(0.1, 11));
        assertEquals(3, LayerBudget.layers(0.3, 11));
        assertEquals(29, LayerBudget.layers(0.29, 100));
        assertEquals(10, LayerBudget.layers(1.0, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerBudget.layers(0.05, 11));
        assertEquals(true, e.getMessage().contains("0.05"));
    }

    @Test
    void adabetTakesTheHighestScoresInForwardOrder() {
        SelectionContext c = new SelectionContext(layers(10), scores(1, 9, 3, 8, 2, 7, 0, 0, 0, 0), 0.3, 1);
        assertEquals(List.of("l1", "l3", "l5"), new AdabetSelection().select(c));
    }

    @Test
    void equalScoresGoToTheEarlierLayer() {
        SelectionContext c = new SelectionContext(layers(10), scores(1, 5, 5, 5, 5, 0, 0, 0, 0, 5), 0.2, 1);
        assertEquals(List.of("l1", "l2"), new AdabetSelection().select(c));
    }

    @Test
    void headIsOnlyAddedWhenForced() {
        SelectionContext c = new SelectionContext(layers(10), scores(9, 1, 1, 1, 1, 1, 1, 1, 1, 0), 0.1, 1);
        AdabetSelection m = new AdabetSelection();
        assertEquals(List.of("l0"), SelectionMethods.select(m, c, false));
        assertEquals(List.of("l0", "l9"), SelectionMethods.select(m, c, true));
        // Methods without a budget are never changed by the head rule.
        assertEquals(List.of("l9"), SelectionMethods.select(new LastLayerSelection(), c, true));
    }

    @Test
    void fullAndLastLayer() {
        SelectionContext c = new SelectionContext(layers(4), Map.of(), 0.5, 1);
        assertEquals(List.of("l0", "l1", "l2", "l3"), new FullSelection().select(c));
        assertEquals(List.of("l3"), new LastLayerSelection().select(c));
    }

    @Test
    void randomIsSeededSizedAndVaries() {
        List<LayerInfo> ls = layers(20);
        RandomSelection r = new RandomSelection();
        List<String> a = r.select(new SelectionContext(ls, Map.of(), 0.25, 5));
        assertEquals(a, r.select(new SelectionContext(ls, Map.of(), 0.25, 5)));
        assertEquals(5, new HashSet<>(a).size());
        boolean differs = false;
        for (long seed = 6; seed < 12 && !differs; seed++) {
            differs = !a.equals(r.select(new SelectionContext(ls, Map.of(), 0.25, seed)));
        }
        assertEquals(true, differs);
        assertNotEquals(List.of(), a);
    }

    @Test
    void adabetWithoutScoresNamesTheLayer() {
        SelectionContext c = new SelectionContext(layers(3), scores(1, 2), 0.5, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdabetSelection().select(c));
        assertEquals(true, e.getMessage().contains("l2"));
    }
}
