package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.selection.Budget;
import org.junit.jupiter.api.Test;

/** What {@code run --plan} charges a retraining run as, before any selection is known. */
class PlanCostsTest {
    private static final SweepConfig CONFIG =
            ConfigLoader.load(
                    "quick",
                    List.of(
                            "model.architectures=[convnet_s]",
                            "data.image-size=16",
                            "model.width=4",
                            "data.targets=[new_classes]"));

    private final SweepPlan plan = SweepPlan.of(CONFIG);
    private final Pair pair = plan.pairs().get(0);
    private final List<LayerInfo> layers = SweepTasks.layers(CONFIG, pair);
    private final PlanCosts costs = new PlanCosts(CONFIG, plan, Map.of());

    private List<String> names() {
        return layers.stream().map(LayerInfo::name).toList();
    }

    @Test
    void methodsThatLookAtNothingAreChargedTheirOwnChoice() {
        assertEquals(
                List.of(TrainableSpec.layers(names())), costs.charged(pair, layers, "full", null));
        String head = names().get(names().size() - 1);
        assertEquals(
                List.of(TrainableSpec.layers(List.of(head))),
                costs.charged(pair, layers, "last_layer", null));
    }

    @Test
    void aSelectionThatWillFailIsChargedNothing() {
        SweepConfig mixed =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s, vit_tiny]",
                                "data.targets=[corrupted]",
                                "selection.methods=[adabet, bn_stats]"));
        SweepPlan mixedPlan = SweepPlan.of(mixed);
        Pair vit =
                mixedPlan.pairs().stream()
                        .filter(p -> p.architecture().equals("vit_tiny"))
                        .findFirst()
                        .orElseThrow();
        // No BatchNorm to adapt: the sweep records a failed run, the plan charges nothing.
        assertEquals(
                List.of(),
                new PlanCosts(mixed, mixedPlan, Map.of())
                        .charged(vit, SweepTasks.layers(mixed, vit), "bn_stats", null));
    }

    @Test
    void budgetedMethodsAreChargedAsRandomDrawsAtTheSameBudget() {
        Budget rho = Budget.ofRho(0.3);
        List<TrainableSpec> adabet = costs.charged(pair, layers, "adabet", rho);
        assertEquals(PlanCosts.DRAWS, adabet.size());
        // Every method at a budget is charged the same draws: random's.
        assertEquals(adabet, costs.charged(pair, layers, "fisher", rho));
        assertEquals(adabet, costs.charged(pair, layers, "random", rho));
        int k = (int) Math.floor(0.3 * layers.size());
        adabet.forEach(s -> assertEquals(k, s.layers().size(), s.toString()));
        // The draws differ (a mean over layers, not one layer charged 32 times).
        assertTrue(Set.copyOf(adabet).size() > 1);
    }

    @Test
    void aMemoryBudgetDrawsRandomSetsThatFit() {
        List<TrainableSpec> draws =
                costs.charged(pair, layers, "adabet", Budget.ofMemory(5L << 20));
        assertEquals(PlanCosts.DRAWS, draws.size());
        assertTrue(draws.stream().anyMatch(s -> !s.isEmpty()));
    }
}
