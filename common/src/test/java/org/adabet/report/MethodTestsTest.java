package org.adabet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.TrainableSpec;
import org.adabet.selection.Budget;
import org.adabet.selection.SelectionCost;
import org.adabet.sweep.Pair;
import org.adabet.sweep.RetrainOutcome;
import org.adabet.sweep.RetrainTask;
import org.junit.jupiter.api.Test;

/**
 * Six pairs x three seeds. fisher trails adabet by i points on pair i (seeds: i - 0.5, i, i + 0.5);
 * full differs by +1, -2, +3, -4, +5, -6 on every seed. Expected values by hand and with scipy
 * 1.17.1 (stated at each assertion).
 */
class MethodTestsTest {
    private static final Budget RHO = Budget.ofRho(0.1);

    private static RetrainOutcome run(
            int pair, String method, Budget budget, long seed, double acc, long peak, long select) {
        RetrainTask task =
                new RetrainTask(
                        new Pair("net", "t" + pair),
                        method,
                        budget,
                        seed,
                        TrainableSpec.layers(List.of("a")),
                        List.of("a"),
                        SelectionCost.NOTHING,
                        0,
                        select,
                        new MemoryEstimate(8 * peak, 0, 0, 0, 0),
                        0,
                        0);
        return new RetrainOutcome(
                task, 1, 1, acc, acc, acc, 1, List.of(acc), List.of(acc), 0.1, 1, null);
    }

    static List<RetrainOutcome> outcomes() {
        List<RetrainOutcome> out = new ArrayList<>();
        double[] full = {1, -2, 3, -4, 5, -6};
        for (int i = 1; i <= 6; i++) {
            for (int s = 0; s < 3; s++) {
                double a = 0.5 + 0.01 * s + 0.02 * i;
                out.add(run(i, "adabet", RHO, s, a, 600, 100));
                out.add(run(i, "fisher", RHO, s, a - (i - 0.5 + 0.5 * s) / 100, 500, 1000));
                out.add(run(i, "full", null, s, a + full[i - 1] / 100, 900, 0));
            }
        }
        return out;
    }

    private static TestRow find(List<TestRow> rows, String scope, String pair, String method) {
        return rows.stream()
                .filter(
                        r ->
                                r.scope().equals(scope)
                                        && r.pair().equals(pair)
                                        && r.method().equals(method))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void acrossPairsTheSignedRankTestRunsOnPerPairMeansWithHolmOverTheMethods() {
        List<TestRow> rows = MethodTests.of(SeedAccuracy.of(outcomes()));
        TestRow fisher = find(rows, TestRow.ACROSS, TestRow.ALL_PAIRS, "fisher");
        assertEquals("wilcoxon_exact", fisher.comparison().test());
        assertEquals(6, fisher.comparison().n());
        assertEquals(-3.5, fisher.comparison().difference().mean(), 1e-9);
        // All six differences negative: W+ = 0, p = 2 / 2^6.
        assertEquals(0, fisher.comparison().statistic());
        assertEquals(0.03125, fisher.comparison().pValue(), 1e-12);
        TestRow full = find(rows, TestRow.ACROSS, TestRow.ALL_PAIRS, "full");
        assertEquals("-", full.methodBudget());
        assertEquals("rho=0.1", full.budget());
        // W+ = 1 + 3 + 5 = 9; 27 of 64 patterns have W+ <= 9: p = 54/64 (scipy: 0.84375).
        assertEquals(9, full.comparison().statistic());
        assertEquals(0.84375, full.comparison().pValue(), 1e-12);
        // Holm, m = 2: 2 x 0.03125 = 0.0625, then max(0.0625, 0.84375).
        assertEquals(2, fisher.family());
        assertEquals(0.0625, fisher.pHolm(), 1e-12);
        assertEquals(0.84375, full.pHolm(), 1e-12);
    }

    @Test
    void withinAPairThreeSeedsUseThePairedTTest() {
        List<TestRow> rows = MethodTests.of(SeedAccuracy.of(outcomes()));
        TestRow fisher = find(rows, TestRow.WITHIN, "net/t1", "fisher");
        assertEquals(3, fisher.comparison().n());
        assertEquals("paired_t", fisher.comparison().test());
        // scipy.stats.ttest_1samp([-0.5, -1.0, -1.5], 0): t = -3.4641, p = 0.074180.
        assertEquals(-3.4641016151377544, fisher.comparison().statistic(), 1e-6);
        assertEquals(0.07417990022744862, fisher.comparison().pValue(), 1e-6);
        // full's three seeds differ by exactly +1: no spread, no p-value, out of the family.
        TestRow full = find(rows, TestRow.WITHIN, "net/t1", "full");
        assertTrue(Double.isNaN(full.comparison().pValue()));
        assertEquals(1, fisher.family());
        assertEquals(fisher.comparison().pValue(), fisher.pHolm(), 1e-15);
        assertEquals(2 + 6 * 2, rows.size());
    }

    @Test
    void aDrawnMethodsDrawsOfOneSeedAreAveragedBeforeTheTests() {
        List<RetrainOutcome> o = new ArrayList<>();
        RetrainOutcome base = run(1, "adabet", RHO, 0, 0.5, 1, 1);
        o.add(base);
        for (int d = 0; d < 3; d++) {
            RetrainTask t = run(1, "random", RHO, 0, 0, 1, 1).task();
            RetrainTask drawn =
                    new RetrainTask(
                            t.pair(),
                            t.method(),
                            t.budget(),
                            t.seed(),
                            t.spec(),
                            t.layers(),
                            t.selectionCost(),
                            0,
                            1,
                            t.memory(),
                            0,
                            0,
                            d);
            double acc = 0.40 + 0.01 * d;
            o.add(
                    new RetrainOutcome(
                            drawn, 1, 1, acc, acc, acc, 1, List.of(), List.of(), 0, 1, null));
        }
        // Draws 40, 41, 42 % average to 41: one seed, one difference of -9 points.
        assertEquals(
                41,
                MethodTests.accuracies(SeedAccuracy.of(o))
                        .get("random")
                        .get("rho=0.1")
                        .get("net/t1")
                        .get(0L),
                1e-9);
        TestRow within =
                find(MethodTests.of(SeedAccuracy.of(o)), TestRow.WITHIN, "net/t1", "random");
        assertEquals(1, within.comparison().n());
        assertEquals(-9, within.comparison().difference().mean(), 1e-9);
    }

    @Test
    void agreementIsReadAgainstTheRandomScoringsSpearman() {
        AgreementRow row = new AgreementRow("p", "adabet", 5, 0.6, 0.4, List.of());
        // Two of the four draws reach 0.6: p = (1 + 2) / (1 + 4); NaN draws are left out.
        AgreementRow read = row.withNull(new double[] {0.1, 0.6, 0.7, -0.2, Double.NaN});
        assertEquals(0.6, read.nullP(), 1e-12);
        assertEquals(0.3, read.nullMean(), 1e-12);
        assertEquals(Math.sqrt((0.04 + 0.09 + 0.16 + 0.25) / 3), read.nullSd(), 1e-12);
    }

    @Test
    void claimsStateOurFiguresBesideThePapers() {
        List<RetrainOutcome> o = outcomes();
        String md =
                Claims.toMarkdown(
                        "test",
                        SeedAccuracy.of(o),
                        PairPeak.of(o),
                        MethodTests.of(SeedAccuracy.of(o)));
        // Accuracy: adabet leads fisher by 3.5 points; Holm p 0.0625 is not below 0.05.
        assertTrue(md.contains("| rho=0.1 | fisher | 6 | 3.50 |"), md);
        assertTrue(md.contains("no significant gain (p = 0.063)"), md);
        // Memory: 1 - 600 / max(500, 1000) = 40% on every pair, W+ = 21, p = 2/64;
        // training only 1 - 600/500 = -20%.
        assertTrue(
                md.contains(
                        "| rho=0.1 | fisher | 6 | 40.0 | [40.00, 40.00] | wilcoxon_exact | 0.0313"
                                + " | -20.0 | AdaBet ahead (reduction 40.0, p = 0.031); the"
                                + " paper's 40% is inside our interval |"),
                md);
    }
}
