package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;
import org.adabet.selection.SelectionMethods;
import org.adabet.sweep.Pair;
import org.junit.jupiter.api.Test;

/** Rank stability across draws and targets on four layers, values by hand. */
class RankStabilityTest {
    private static final List<LayerInfo> LAYERS =
            List.of(
                    LayerInfo.simple(0, "a", 10, 10, false),
                    LayerInfo.simple(1, "b", 10, 10, false),
                    LayerInfo.simple(2, "c", 10, 10, false),
                    LayerInfo.simple(3, "d", 10, 10, true));

    private static Map<String, Double> s(double... v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(LAYERS.get(i).name(), v[i]);
        }
        return out;
    }

    private static RankStabilityRow find(
            List<RankStabilityRow> rows, String scope, String pair, String method) {
        return rows.stream()
                .filter(
                        r ->
                                r.scope().equals(scope)
                                        && r.pair().equals(pair)
                                        && r.method().equals(method))
                .findFirst()
                .orElseThrow(() -> new AssertionError(scope + " " + pair + " " + method));
    }

    @Test
    void drawsAndTargetsAreReadWithKendallsWAndTheMeanRank() {
        Pair p1 = new Pair("net", "t1");
        Pair p2 = new Pair("net", "t2");
        Map<Pair, List<LayerInfo>> layers = new LinkedHashMap<>();
        layers.put(p1, LAYERS);
        layers.put(p2, LAYERS);
        Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> scores = new LinkedHashMap<>();
        scores.put(
                p1,
                Map.of(
                        0, Map.of("adabet", s(4, 3, 2, 1), "fisher", s(1, 2, 3, 4)),
                        1, Map.of("adabet", s(40, 30, 20, 10)),
                        2, Map.of("adabet", s(1, 2, 3, 4))));
        scores.put(p2, Map.of(0, Map.of("adabet", s(1, 2, 3, 4), "fisher", s(1, 2, 3, 4))));
        List<RankStabilityRow> rows = RankStability.compute(layers, scores);

        // p1 across its three draws: W = 1/9, mean Spearman -1/3 (RankAgreementTest); mean ranks
        // 2, 7/3, 8/3, 3.
        RankStabilityRow draws = find(rows, RankStabilityRow.DRAWS, "net/t1", "adabet");
        assertEquals(3, draws.raters());
        assertEquals(1.0 / 9, draws.kendallW(), 1e-12);
        assertEquals(-1.0 / 3, draws.meanSpearman(), 1e-12);
        assertEquals(List.of("a", "b", "c", "d"), draws.consensus());
        assertEquals(7.0 / 3, draws.consensusMeanRank().get(1), 1e-12);
        // fisher has one draw, p2 one draw: no draws row.
        assertEquals(1, rows.stream().filter(r -> r.scope().equals("draws")).count());

        // Across targets (draw 0): adabet reverses its ranking, rank sums all 5: W = 0, rho = -1;
        // every mean rank 2.5, so the consensus keeps layer order. fisher agrees fully.
        RankStabilityRow adabet = find(rows, RankStabilityRow.TARGETS, "all", "adabet");
        assertEquals(2, adabet.raters());
        assertEquals(0, adabet.kendallW(), 1e-12);
        assertEquals(-1, adabet.meanSpearman(), 1e-12);
        assertEquals(List.of("a", "b", "c", "d"), adabet.consensus());
        RankStabilityRow fisher = find(rows, RankStabilityRow.TARGETS, "all", "fisher");
        assertEquals(1, fisher.kendallW(), 1e-12);
        assertEquals(List.of("d", "c", "b", "a"), fisher.consensus());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), fisher.consensusMeanRank());

        String md = RankStabilityTable.toMarkdown(rows, 3);
        assertTrue(
                md.contains("| net/t1 | net | adabet | 4 | 3 | -0.333 | 0.111 | a (2.0), b (2.3),"),
                md);
        assertTrue(md.contains("| all | net | fisher | 4 | 2 | 1.000 | 1.000 | d (1.0)"), md);
        assertTrue(RankStabilityTable.toMarkdown(List.of(), 1).contains("batch-draws = 1"));
    }

    @Test
    void onlyMethodsReadingTheStatisticsBatchesVaryByDraw() {
        assertTrue(RankStability.variesByDraw(SelectionMethods.get("adabet")));
        assertTrue(RankStability.variesByDraw(SelectionMethods.get("adabet:beta0")));
        assertFalse(RankStability.variesByDraw(SelectionMethods.get("fisher")));
        assertFalse(RankStability.variesByDraw(SelectionMethods.get("random")));
    }
}
