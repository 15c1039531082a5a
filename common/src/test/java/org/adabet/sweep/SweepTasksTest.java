package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.selection.PairEvidence;
import org.adabet.selection.SelectionCost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SweepTasksTest {
    private static SweepConfig config;
    private static PretrainedModel model;

    @BeforeAll
    static void pretrainTinyModel() {
        config =
                TinySweep.config(
                        "[convnet_s]",
                        "statistics.batches=2",
                        "statistics.batch-size=16",
                        "retrain.epochs=1",
                        "retrain.batch-size=8");
        model = SweepTasks.pretrain(config, "convnet_s");
    }

    @Test
    void statisticsCoverEveryCandidateLayerOfTheBatch() {
        StatisticsOutcome o =
                SweepTasks.statistics(
                        config, model, new StatisticsTask(new Pair("convnet_s", "corrupted"), 1));
        assertTrue(o.succeeded(), o.error());
        assertEquals(11, o.layers().size());
        o.layers()
                .forEach(
                        l -> {
                            assertEquals(16, l.points());
                            assertEquals(1, l.batch());
                            assertEquals(
                                    l.beta1() / (16.0 * l.dimension()), l.referenceScore(), 1e-15);
                            assertTrue(l.beta0() >= 1, "one essential H0 class at least");
                        });
    }

    @Test
    void aFailingRunIsRecordedWithItsReasonInsteadOfThrowing() {
        RetrainTask bad = task("new_classes", "features.7.conv");
        RetrainOutcome o = SweepTasks.retrain(config, model, bad);
        assertFalse(o.succeeded());
        assertTrue(o.error().contains("features.7.conv"), o.error());
    }

    @Test
    void aGoodRunTrainsOnlyItsLayersAndReportsAccuracies() {
        RetrainTask task = task("new_classes", "classifier");
        RetrainOutcome o = SweepTasks.retrain(config, model, task);
        assertTrue(o.succeeded(), o.error());
        assertEquals(4 * 16 + 4, o.trainableParameters());
        assertEquals(1, o.epochAccuracy().size());
        assertEquals(1, o.epochValidationAccuracy().size());
        assertEquals(1, o.bestEpoch());
        assertEquals(o.epochAccuracy().get(0), o.testAccuracy());
        assertEquals(o.epochValidationAccuracy().get(0), o.validationAccuracy());
        assertTrue(o.testAccuracy() >= 0 && o.testAccuracy() <= 1);
    }

    @Test
    void planRejectsBudgetsThatSelectNothingAndTooFewStatisticsImages() {
        ConfigException rho =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SweepPlan.of(
                                        ConfigLoader.load(
                                                "quick",
                                                List.of(
                                                        "model.architectures=[convnet_s]",
                                                        "selection.rhos=[0.05]"))));
        assertTrue(rho.getMessage().contains("0.05"), rho.getMessage());
        ConfigException batches =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SweepPlan.of(
                                        ConfigLoader.load(
                                                "quick",
                                                List.of(
                                                        "model.architectures=[convnet_s]",
                                                        "statistics.batches=100"))));
        assertTrue(
                batches.getMessage().contains("adabet.data.target.train-per-class"),
                batches.getMessage());
        ConfigException method =
                assertThrows(
                        ConfigException.class,
                        () ->
                                SweepPlan.of(
                                        ConfigLoader.load(
                                                "quick",
                                                List.of(
                                                        "model.architectures=[convnet_s]",
                                                        "selection.methods=[adabet, magic]"))));
        assertTrue(method.getMessage().contains("magic"), method.getMessage());
    }

    @Test
    void planHasOneRunPerMethodBudgetAndSeedAndRecordsMethodsThatCannotChoose() {
        SweepConfig c =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s]",
                                "retrain.seeds=[0, 1]",
                                "selection.memory-budgets=[1]",
                                "selection.methods=[adabet, full, fisher]"));
        SweepPlan plan = SweepPlan.of(c);
        Map<Pair, List<LayerInfo>> layers = new HashMap<>();
        Map<Pair, PairSelectionInputs> inputs = new HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(c, p));
            Map<String, Double> s = new HashMap<>();
            layers.get(p).forEach(l -> s.put(l.name(), (double) l.index()));
            inputs.put(
                    p,
                    new PairSelectionInputs(
                            new PairEvidence(Map.of("reference", s), Map.of(), List.of()),
                            10,
                            0,
                            0,
                            0,
                            null,
                            "gradient statistics failed: test"));
        }
        SweepPlan.Runs runs = plan.retrainTasks(layers, inputs);
        // Per pair and seed: adabet at rho 0.1, 0.3 and a 1-byte memory budget, full once, fisher x
        // 3.
        assertEquals(2 * 2 * (3 + 1 + 3), runs.tasks().size() + runs.failed().size());
        // The 1-byte budget fits nothing; fisher has no gradients: both are recorded, not dropped.
        assertEquals(2 * 2 * (1 + 3), runs.failed().size());
        assertTrue(
                runs.failed().stream()
                        .filter(o -> o.task().method().equals("fisher"))
                        .allMatch(o -> o.error().contains("gradient statistics failed: test")));
        RetrainTask top =
                runs.tasks().stream()
                        .filter(
                                t ->
                                        t.method().equals("adabet")
                                                && t.budget().rho() != null
                                                && t.budget().rho() == 0.1)
                        .findFirst()
                        .orElseThrow();
        assertEquals(List.of("classifier"), top.layers());
        assertEquals(10, top.selectionMillis());
        assertTrue(
                top.memory().total() > 0
                        && top.referenceMemoryBytes() > 0
                        && top.trainingFlops() > 0);
    }

    @Test
    void randomIsDrawnRandomDrawsTimesPerBudgetAndSeedWithDistinctKeys() {
        SweepConfig c =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s]",
                                "data.targets=[corrupted]",
                                "retrain.seeds=[0, 1]",
                                "selection.rhos=[0.3]",
                                "selection.memory-budgets=[]",
                                "selection.random-draws=4",
                                "selection.methods=[random, full]"));
        SweepPlan plan = SweepPlan.of(c);
        Pair pair = plan.pairs().get(0);
        Map<Pair, List<LayerInfo>> layers = Map.of(pair, SweepTasks.layers(c, pair));
        Map<Pair, PairSelectionInputs> inputs =
                Map.of(pair, PairSelectionInputs.of(List.of(), null));
        List<RetrainTask> tasks = plan.retrainTasks(layers, inputs).tasks();
        List<RetrainTask> random = tasks.stream().filter(t -> t.method().equals("random")).toList();
        assertEquals(2 * 4, random.size());
        assertEquals(2, tasks.size() - random.size(), "full is not drawn");
        assertEquals(8, random.stream().map(RetrainTask::key).distinct().count());
        assertEquals(
                List.of(0, 1, 2, 3),
                random.stream().filter(t -> t.seed() == 0).map(RetrainTask::draw).toList());
        assertTrue(
                random.stream().map(RetrainTask::layers).distinct().count() > 1,
                "draws chose the same layers every time");
        assertTrue(random.get(0).key().endsWith("|0"), random.get(0).key());
        assertTrue(random.get(1).key().endsWith("|0|draw=1"), random.get(1).key());
    }

    @Test
    void representationChangeIsOneMinusCkaOfEachLayerWithThePreviousOne() {
        Pair pair = new Pair("convnet_s", "corrupted");
        float[] images =
                Domains.trainingParts(config.seed(), config.data(), 0.2, pair.target())
                        .fit()
                        .gather(new int[16], 0, 16);
        // 16 copies of one image: no variance anywhere, so every CKA is 1 and every change 0.
        try (org.adabet.model.Network net =
                org.adabet.model.Networks.create(SweepPlan.targetArchitecture(config, pair), 0)) {
            Map<String, Double> same = SweepTasks.representationChange(net, images, 16);
            assertEquals(11, same.size());
            same.values().forEach(v -> assertEquals(0, v, 1e-12));
            float[] varied =
                    Domains.trainingParts(config.seed(), config.data(), 0.2, pair.target())
                            .fit()
                            .gather(java.util.stream.IntStream.range(0, 16).toArray(), 0, 16);
            Map<String, Double> change = SweepTasks.representationChange(net, varied, 16);
            change.values().forEach(v -> assertTrue(v >= 0 && v <= 1, "change " + v));
            assertTrue(change.values().stream().anyMatch(v -> v > 1e-6), change.toString());
        }
    }

    private static RetrainTask task(String target, String layer) {
        TrainableSpec spec = TrainableSpec.layers(List.of(layer));
        return new RetrainTask(
                new Pair("convnet_s", target),
                "test",
                null,
                0,
                spec,
                List.of(layer),
                SelectionCost.NOTHING,
                0,
                0,
                new MemoryEstimate(0, 0, 0, 0, 0),
                0,
                0);
    }
}
