package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.config.ConfigLoader;
import org.adabet.config.SweepConfig;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.selection.SelectionCost;
import org.adabet.sweep.Pair;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.junit.jupiter.api.Test;

/**
 * The agreement's oracle side on four layers a..d and two seeds: noise ceiling, bootstrap interval,
 * failed layers and the oracle's top layers, against hand-computed values.
 */
class OracleTrustTest {
    private static final List<LayerInfo> LAYERS =
            List.of(
                    LayerInfo.simple(0, "a", 10, 10, false),
                    LayerInfo.simple(1, "b", 10, 10, false),
                    LayerInfo.simple(2, "c", 10, 10, false),
                    LayerInfo.simple(3, "d", 10, 10, true));
    // Gains (test accuracy - 0.5 before) per seed: seed 0 .1 .2 .3 .4, seed 1 .2 .1 .4 .3.
    private static final double[][] GAINS = {{0.1, 0.2, 0.3, 0.4}, {0.2, 0.1, 0.4, 0.3}};

    private static SweepConfig config(String seeds) {
        return ConfigLoader.load(
                "quick",
                List.of(
                        "retrain.seeds=" + seeds,
                        "selection.rhos=[0.5]",
                        "selection.random-draws=3"));
    }

    private static RetrainOutcome run(Pair pair, String layer, long seed, double gain) {
        RetrainTask task =
                new RetrainTask(
                        pair,
                        "oracle",
                        null,
                        seed,
                        TrainableSpec.layers(List.of(layer)),
                        List.of(layer),
                        SelectionCost.NOTHING,
                        0,
                        0,
                        new MemoryEstimate(8, 0, 0, 0, 0),
                        0,
                        0);
        if (Double.isNaN(gain)) {
            return RetrainOutcome.failed(task, "diverged");
        }
        double acc = 0.5 + gain;
        return new RetrainOutcome(
                task, 1, 1, acc, acc, acc, 1, List.of(acc), List.of(acc), 0.5, 1, null);
    }

    /** Both seeds of every layer, but {@code failed} (layer index -> seeds that failed). */
    private static List<RetrainOutcome> oracle(Pair pair, Map<Integer, List<Integer>> failed) {
        List<RetrainOutcome> out = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 4; i++) {
                boolean fails = failed.getOrDefault(i, List.of()).contains(s);
                out.add(run(pair, LAYERS.get(i).name(), s, fails ? Double.NaN : GAINS[s][i]));
            }
        }
        return out;
    }

    private static Map<String, Double> scores(double... v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(LAYERS.get(i).name(), v[i]);
        }
        return out;
    }

    @Test
    void theNoiseCeilingAndIntervalSitBesideEveryMethodsSpearman() {
        Pair pair = new Pair("net", "t");
        List<AgreementRow> rows =
                Agreements.compute(
                        config("[0, 1]"),
                        Map.of(pair, LAYERS),
                        Map.of(pair, Map.of("m", scores(1, 2, 3, 4))),
                        oracle(pair, Map.of()));
        AgreementRow m = rows.get(0);
        // Mean gains .15 .15 .35 .35: centred mid-ranks (-1,-1,1,1) vs (-1.5,-.5,.5,1.5):
        // rho = 4 / sqrt(4 * 5).
        assertEquals(4 / Math.sqrt(20), m.spearman(), 1e-12);
        // Halves are the seeds: rho = 0.6, 2 * 0.6 / 1.6 = 0.75 (RankAgreementTest).
        assertEquals(0.75, m.noiseCeiling(), 1e-12);
        assertEquals(0, m.oracleFailedLayers());
        assertTrue(
                -1 <= m.spearmanCi95Low()
                        && m.spearmanCi95Low() <= m.spearmanCi95High()
                        && m.spearmanCi95High() <= 1,
                m.toString());
        AgreementRow again =
                Agreements.compute(
                                config("[0, 1]"),
                                Map.of(pair, LAYERS),
                                Map.of(pair, Map.of("m", scores(1, 2, 3, 4))),
                                oracle(pair, Map.of()))
                        .get(0);
        assertEquals(m, again);
    }

    @Test
    void aLayerFailingOnOneSeedIsCountedAndLeftOutOfTheSplitHalf() {
        Pair pair = new Pair("net", "t");
        AgreementRow m =
                Agreements.compute(
                                config("[0, 1]"),
                                Map.of(pair, LAYERS),
                                Map.of(pair, Map.of("m", scores(1, 2, 3, 4))),
                                oracle(pair, Map.of(3, List.of(1))))
                        .get(0);
        assertEquals(1, m.oracleFailedLayers());
        // d keeps seed 0's gain, so every layer has one: the Spearman is defined.
        assertTrue(!Double.isNaN(m.spearman()));
        // Split-half over a, b, c: ranks 1 2 3 vs 2 1 3, rho = 1 - 6 * 2 / 24 = 0.5; 1 / 1.5.
        assertEquals(2.0 / 3, m.noiseCeiling(), 1e-12);
    }

    @Test
    void aPairWithALayerThatNeverTrainedIsReportedNotSkipped() {
        Pair pair = new Pair("net", "t");
        List<AgreementRow> rows =
                Agreements.compute(
                        config("[0, 1]"),
                        Map.of(pair, LAYERS),
                        Map.of(pair, Map.of("m", scores(1, 2, 3, 4), "n", scores(4, 3, 2, 1))),
                        oracle(pair, Map.of(3, List.of(0, 1))));
        assertEquals(2, rows.size());
        for (AgreementRow r : rows) {
            assertEquals(1, r.oracleFailedLayers());
            assertTrue(Double.isNaN(r.spearman()) && Double.isNaN(r.spearmanCi95Low()));
            assertEquals(2.0 / 3, r.noiseCeiling(), 1e-12);
        }
        String md =
                AgreementTable.toMarkdown(
                        rows,
                        Agreements.oracleSummaries(
                                config("[0, 1]"),
                                Map.of(pair, LAYERS),
                                oracle(pair, Map.of(3, List.of(0, 1)))));
        assertTrue(md.contains("| net/t | 4 | 2 | 1 | 1 | 0.500 | 0.667 |"), md);
    }

    @Test
    void theOracleSummaryNamesItsTopThreeLayersAndHasNoCeilingOnOneSeed() {
        Pair pair = new Pair("net", "t");
        OracleSummary two =
                Agreements.oracle(config("[0, 1]"), pair, LAYERS, oracle(pair, Map.of()));
        // Mean gains .15 .15 .35 .35; equal gains to the earlier layer: c, d, a.
        assertEquals(
                List.of("c", "d", "a"),
                two.top().stream().map(OracleSummary.LayerGain::layer).toList());
        assertEquals(0.35, two.top().get(0).gain(), 1e-12);
        List<RetrainOutcome> seedZero =
                oracle(pair, Map.of()).stream().filter(o -> o.task().seed() == 0).toList();
        OracleSummary one = Agreements.oracle(config("[0]"), pair, LAYERS, seedZero);
        assertTrue(Double.isNaN(one.noiseCeiling()));
        assertEquals(0, one.failedLayers());
        assertEquals(
                List.of("d", "c", "b"),
                one.top().stream().map(OracleSummary.LayerGain::layer).toList());
        String md = AgreementTable.toMarkdown(List.of(), List.of(one));
        assertTrue(md.contains("null (one seed: no split)"), md);
        assertTrue(md.contains("d (40.00), c (30.00), b (20.00)"), md);
    }
}
