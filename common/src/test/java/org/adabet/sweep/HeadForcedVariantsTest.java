package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.adabet.selection.SelectionMethods;
import org.junit.jupiter.api.Test;

/** {@code selection.head-forced-variants}: {@code <method>+head} beside each budgeted method. */
class HeadForcedVariantsTest {

    private static SweepConfig config(String... extra) {
        List<String> settings =
                new java.util.ArrayList<>(
                        List.of(
                                "model.architectures=[convnet_s]",
                                "data.image-size=16",
                                "model.width=4",
                                "retrain.seeds=[0]",
                                "selection.methods=[random, full]",
                                "selection.rhos=[0.3]",
                                "selection.memory-budgets=[]",
                                "data.targets=[corrupted, new_classes]"));
        settings.addAll(List.of(extra));
        return ConfigLoader.load("quick", settings);
    }

    @Test
    void budgetedMethodsGetAHeadForcedTwinOnNewHeadTargetsOnly() {
        SweepConfig c = config("selection.head-forced-variants=true");
        SweepPlan plan = SweepPlan.of(c);
        Map<Pair, List<LayerInfo>> layers = new java.util.HashMap<>();
        Map<Pair, PairSelectionInputs> inputs = new java.util.HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(c, p));
            inputs.put(p, PairSelectionInputs.of(List.of(), null));
        }
        SweepPlan.Runs runs = plan.retrainTasks(layers, inputs);
        assertEquals(List.of(), runs.failed());
        Map<String, Set<String>> byTarget = new java.util.TreeMap<>();
        Map<String, RetrainTask> newHead = new java.util.HashMap<>();
        for (RetrainTask t : runs.tasks()) {
            byTarget.computeIfAbsent(t.pair().target(), k -> new HashSet<>()).add(t.method());
            if (t.pair().target().equals("new_classes")) {
                newHead.put(t.method(), t);
            }
        }
        assertEquals(Set.of("random", "full"), byTarget.get("corrupted"));
        assertEquals(Set.of("random", "random+head", "full"), byTarget.get("new_classes"));
        // The twin is the same draw plus the whole head.
        List<LayerInfo> net = layers.get(newHead.get("random").pair());
        String head = net.get(net.size() - 1).name();
        Set<String> expected = new HashSet<>(newHead.get("random").spec().layers());
        expected.add(head);
        assertEquals(expected, newHead.get("random+head").spec().layers());
        assertTrue(
                SelectionMethods.forcesHead(SelectionMethods.get("random+head"), false),
                "head_forced is true for the twin");
        assertTrue(!SelectionMethods.forcesHead(SelectionMethods.get("random"), false));
    }

    @Test
    void variantsOfUnbudgetedMethodsAndBothHeadSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SelectionMethods.get("full+head"));
        ConfigException e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                config(
                                        "selection.head-forced-variants=true",
                                        "selection.force-head=true"));
        assertTrue(e.getMessage().contains("head-forced-variants"), e.getMessage());
    }
}
