package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adabet.config.ConfigException;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.data.TargetDomain;
import org.adabet.pretrain.PretrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SweepTasksTest {
    private static SweepConfig config;
    private static PretrainedModel model;

    @BeforeAll
    static void pretrainTinyModel() {
        config = ConfigLoader.load("quick", List.of("data.image-size=16", "data.source.classes=4",
                "data.source.train-per-class=8", "data.source.test-per-class=4", "data.target.train-per-class=8",
                "data.target.test-per-class=4", "model.width=4", "pretrain.epochs=1", "pretrain.batch-size=8",
                "statistics.batches=2", "statistics.batch-size=16", "retrain.epochs=1", "retrain.batch-size=8"));
        model = SweepTasks.pretrain(config, "convnet_s");
    }

    @Test
    void statisticsCoverEveryCandidateLayerOfTheBatch() {
        StatisticsOutcome o = SweepTasks.statistics(config, model,
                new StatisticsTask(new Pair("convnet_s", TargetDomain.CORRUPTED), 1));
        assertTrue(o.succeeded(), o.error());
        assertEquals(11, o.layers().size());
        o.layers().forEach(l -> {
            assertEquals(16, l.points());
            assertEquals(1, l.batch());
            assertEquals(l.beta1() / (16.0 * l.dimension()), l.referenceScore(), 1e-15);
            assertTrue(l.beta0() >= 1, "one essential H0 class at least");
        });
    }

    @Test
    void aFailingRunIsRecordedWithItsReasonInsteadOfThrowing() {
        RetrainTask bad = new RetrainTask(new Pair("convnet_s", TargetDomain.NEW_CLASSES), "adabet", 0.1, 0,
                List.of("features.7.conv"), 0);
        RetrainOutcome o = SweepTasks.retrain(config, model, bad);
        assertFalse(o.succeeded());
        assertTrue(o.error().contains("features.7.conv"), o.error());
    }

    @Test
    void aGoodRunTrainsOnlyItsLayersAndReportsAccuracies() {
        RetrainTask task = new RetrainTask(new Pair("convnet_s", TargetDomain.NEW_CLASSES), "last_layer", null, 0,
                List.of("classifier"), 0);
        RetrainOutcome o = SweepTasks.retrain(config, model, task);
        assertTrue(o.succeeded(), o.error());
        assertEquals(4 * 16 + 4, o.trainableParameters());
        assertEquals(1, o.epochAccuracy().size());
        assertTrue(o.bestAccuracy() >= 0 && o.bestAccuracy() <= 1);
    }

    @Test
    void planRejectsBudgetsThatSelectNothingAndTooFewStatisticsImages() {
        ConfigException rho = assertThrows(ConfigException.class,
                () -> SweepPlan.of(ConfigLoader.load("quick", List.of("selection.rhos=[0.05]"))));
        assertTrue(rho.getMessage().contains("0.05"), rho.getMessage());
        ConfigException batches = assertThrows(ConfigException.class,
                () -> SweepPlan.of(ConfigLoader.load("quick", List.of("statistics.batches=100"))));
        assertTrue(batches.getMessage().contains("adabet.data.target.train-per-class"), batches.getMessage());
        ConfigException method = assertThrows(ConfigException.class,
                () -> SweepPlan.of(ConfigLoader.load("quick", List.of("selection.methods=[adabet, magic]"))));
        assertTrue(method.getMessage().contains("magic"), method.getMessage());
    }

    @Test
    void budgetFreeMethodsRunOncePerSeedAndBudgetedOncePerRho() {
        SweepPlan plan = SweepPlan.of(ConfigLoader.load("quick", List.of("retrain.seeds=[0, 1]")));
        // Tasks need layers and scores; a plan over the real layer list of each pair.
        java.util.Map<Pair, List<org.adabet.model.LayerInfo>> layers = new java.util.HashMap<>();
        java.util.Map<Pair, java.util.Map<String, Double>> scores = new java.util.HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(config, p));
            java.util.Map<String, Double> s = new java.util.HashMap<>();
            layers.get(p).forEach(l -> s.put(l.name(), (double) l.index()));
            scores.put(p, s);
        }
        List<RetrainTask> tasks = plan.retrainTasks(layers, scores, java.util.Map.of());
        // 2 pairs x (adabet 2 rhos + full + last_layer + random 2 rhos) x 2 seeds.
        assertEquals(2 * 6 * 2, tasks.size());
        assertEquals(List.of("classifier"), tasks.stream()
                .filter(t -> t.method().equals("adabet") && t.rho() == 0.1).findFirst().orElseThrow().layers());
    }
}
