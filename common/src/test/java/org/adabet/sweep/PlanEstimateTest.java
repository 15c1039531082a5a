package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.model.LayerInfo;
import org.junit.jupiter.api.Test;

/** The arithmetic of {@code run --plan}, and its run counts against the sweep's enumeration. */
class PlanEstimateTest {
    @Test
    void coresFollowTheLocalMasterAndAreUnknownForAClusterOne() {
        assertEquals(OptionalInt.of(1), PlanEstimate.cores("local", 8));
        assertEquals(OptionalInt.of(3), PlanEstimate.cores("local[3]", 8));
        assertEquals(OptionalInt.of(8), PlanEstimate.cores("local[*]", 8));
        assertEquals(OptionalInt.of(4), PlanEstimate.cores("local[4,2]", 8));
        assertEquals(OptionalInt.empty(), PlanEstimate.cores("spark://host:7077", 8));
        assertEquals(OptionalInt.empty(), PlanEstimate.cores("yarn", 8));
    }

    @Test
    void wallTimeSpreadsTheCoreTimeOverTheCores() {
        assertEquals(250, PlanEstimate.wallMillis(1000, 4), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PlanEstimate.wallMillis(1000, 0));
    }

    @Test
    void theTableListsEveryStageAndTotalsTheEstimatedOnes() {
        List<PlanEstimate.Stage> stages =
                List.of(
                        new PlanEstimate.Stage("plan", 4, Double.NaN),
                        new PlanEstimate.Stage("retrain", 10, 120_000),
                        new PlanEstimate.Stage("oracle", 6, 4_000));
        String table = PlanEstimate.table(stages, OptionalInt.of(2));
        List<String> lines = table.lines().toList();
        assertEquals(5, lines.size(), table);
        assertTrue(lines.get(1).matches("plan +4  - \\(driver\\)"), table);
        assertTrue(lines.get(2).matches("retrain +10  1 min 00 s"), table);
        assertTrue(lines.get(3).matches("oracle +6  2\\.0 s"), table);
        assertTrue(lines.get(4).matches("total +20  1 min 02 s"), table);
        String perCore = PlanEstimate.table(stages, OptionalInt.empty());
        assertTrue(perCore.lines().findFirst().orElseThrow().endsWith("time on one core"));
        assertTrue(perCore.contains("2 min 04 s"), perCore);
    }

    @Test
    void durationsReadAsMillisSecondsMinutesAndHours() {
        assertEquals("42 ms", PlanEstimate.duration(42));
        assertEquals("3.4 s", PlanEstimate.duration(3_400));
        assertEquals("2 min 05 s", PlanEstimate.duration(125_000));
        assertEquals("1 h 02 min", PlanEstimate.duration(3_720_000));
    }

    @Test
    void invalidCostsAndStagesAreRefusedNamingTheValue() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> new StepCosts(-1, 5, 4, 2, 1, 3, 1));
        assertTrue(e.getMessage().contains("trainStepMillis") && e.getMessage().contains("-1"));
        e = assertThrows(IllegalArgumentException.class, () -> new StepCosts(1, 0, 4, 2, 1, 3, 1));
        assertTrue(e.getMessage().contains("trainBatch"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new StepCosts(1, 5, 4, 2, 1, 3, 0));
        assertTrue(e.getMessage().contains("predictBatch"), e.getMessage());
        e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new PlanEstimate.Stage("retrain", -2, 0));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
    }

    @Test
    void plannedRunCountsAreWhatTheSweepEnumerates() {
        SweepConfig c =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s]",
                                "data.image-size=16",
                                "model.width=4",
                                "retrain.seeds=[0, 1]",
                                "selection.methods=[random, full, adabet]",
                                "selection.random-draws=3",
                                "selection.rhos=[0.3, 0.6]",
                                "selection.memory-budgets=[]",
                                "selection.head-forced-variants=true",
                                "data.targets=[corrupted, new_classes]"));
        SweepPlan plan = SweepPlan.of(c);
        Map<Pair, List<LayerInfo>> layers = new java.util.HashMap<>();
        Map<Pair, PairSelectionInputs> inputs = new java.util.HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(c, p));
            inputs.put(p, PairSelectionInputs.of(List.of(), null));
        }
        SweepPlan.Runs runs = plan.retrainTasks(layers, inputs);
        Map<String, Integer> enumerated = new TreeMap<>();
        runs.tasks()
                .forEach(t -> enumerated.merge(t.pair().key() + "|" + t.method(), 1, Integer::sum));
        // Without evidence, adabet's runs fail while choosing: they are planned all the same.
        runs.failed()
                .forEach(
                        o ->
                                enumerated.merge(
                                        o.task().pair().key() + "|" + o.task().method(),
                                        1,
                                        Integer::sum));
        Map<String, Integer> planned = new TreeMap<>();
        for (Pair p : plan.pairs()) {
            plan.plannedRetrainRuns(p).forEach((m, n) -> planned.put(p.key() + "|" + m, n));
        }
        assertEquals(enumerated, planned);
        // random on a new-head target: 2 budgets x 2 seeds x 3 draws, and as many for random+head.
        Pair newClasses =
                plan.pairs().stream()
                        .filter(p -> p.target().equals("new_classes"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(12, plan.plannedRetrainRuns(newClasses).get("random+head"));
    }
}
