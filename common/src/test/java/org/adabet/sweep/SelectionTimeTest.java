package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.model.GradientStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.selection.PairEvidence;
import org.junit.jupiter.api.Test;

/**
 * Every method's selection time counts the same things (its passes and scoring on a loaded batch
 * and network); loading is counted apart, in load time.
 */
class SelectionTimeTest {
    private static final Pair PAIR = new Pair("convnet_s", "corrupted");

    @Test
    void pairInputsSumEveryBatchTaskWithItsLoadingApart() {
        List<StatisticsOutcome> statistics =
                List.of(
                        new StatisticsOutcome(
                                new StatisticsTask(PAIR, 0), List.of(), 3, "boom", 20),
                        new StatisticsOutcome(
                                new StatisticsTask(PAIR, 1), List.of(), 4, "boom", 30));
        PairSelectionInputs in =
                PairSelectionInputs.of(
                        statistics, new GradientOutcome(PAIR, List.of(), 5, "boom", 6));
        assertEquals(7, in.statisticsMillis());
        assertEquals(50, in.statisticsLoadMillis());
        assertEquals(5, in.gradientMillis());
        assertEquals(6, in.gradientLoadMillis());
    }

    @Test
    void eachMethodIsChargedTheComputeAndTheLoadingOfTheEvidenceItReads() {
        SweepConfig c =
                ConfigLoader.load(
                        "quick",
                        List.of(
                                "model.architectures=[convnet_s]",
                                "retrain.seeds=[0]",
                                "selection.methods=[adabet, full, fisher]"));
        SweepPlan plan = SweepPlan.of(c);
        Map<Pair, List<LayerInfo>> layers = new HashMap<>();
        Map<Pair, PairSelectionInputs> inputs = new HashMap<>();
        for (Pair p : plan.pairs()) {
            layers.put(p, SweepTasks.layers(c, p));
            Map<String, Double> scores = new HashMap<>();
            List<GradientStatistics> gradients =
                    layers.get(p).stream()
                            .map(l -> new GradientStatistics(l.name(), l.index(), 1, 1))
                            .toList();
            layers.get(p).forEach(l -> scores.put(l.name(), (double) l.index()));
            inputs.put(
                    p,
                    new PairSelectionInputs(
                            new PairEvidence(Map.of("reference", scores), Map.of(), gradients),
                            10,
                            0,
                            7,
                            0,
                            null,
                            null,
                            200,
                            50));
        }
        List<RetrainTask> tasks = plan.retrainTasks(layers, inputs).tasks();
        for (RetrainTask t : tasks) {
            double[] expected =
                    switch (t.method()) {
                        case "adabet" -> new double[] {10, 200};
                        case "fisher" -> new double[] {7, 50};
                        case "full" -> new double[] {0, 0};
                        default -> throw new AssertionError("unplanned method " + t.method());
                    };
            assertEquals(expected[0], t.selectionMillis(), t.key() + " selection");
            assertEquals(expected[1], t.loadMillis(), t.key() + " load");
        }
        assertTrue(tasks.stream().anyMatch(t -> t.method().equals("fisher")));
        assertTrue(tasks.stream().anyMatch(t -> t.method().equals("adabet")));
    }

    @Test
    void statisticsAndGradientTasksReportTheirLoadingApart() {
        SweepConfig c =
                TinySweep.config("[convnet_s]", "statistics.batches=1", "statistics.batch-size=16");
        PretrainedModel model = SweepTasks.pretrain(c, "convnet_s");
        StatisticsOutcome s = SweepTasks.statistics(c, model, new StatisticsTask(PAIR, 0));
        GradientOutcome g = SweepTasks.gradients(c, model, PAIR);
        assertTrue(s.succeeded(), s.error());
        assertTrue(g.succeeded(), g.error());
        // Both parts are measured (a network is built and run in each); which is larger is not
        // asserted: tests never compare wall times.
        assertTrue(s.loadMillis() > 0 && s.millis() > 0, s.loadMillis() + " / " + s.millis());
        assertTrue(g.loadMillis() > 0 && g.millis() > 0, g.loadMillis() + " / " + g.millis());
    }
}
