package org.adabet.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adabet.memory.MemoryModel;
import org.adabet.model.GradientStatistics;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.api.Test;

class SelectionMethodsTest {
    private static final MemoryModel MEMORY = new MemoryModel(4, 4);

    /** n layers; the last is the head; even layers are batch norms with a bias. */
    static List<LayerInfo> layers(int n) {
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean bn = i % 2 == 1 && i < n - 1;
            out.add(
                    new LayerInfo(
                            i,
                            "l" + i,
                            bn ? "batch_norm" : i == n - 1 ? "linear" : "conv",
                            10 * (i + 1),
                            bn || i == n - 1 ? 4 : 0,
                            100,
                            100,
                            4,
                            1000L * (i + 1),
                            i < n - 1,
                            i == n - 1));
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

    private static SelectionContext rho(
            List<LayerInfo> layers, Map<String, Double> reference, double rho) {
        return new SelectionContext(
                layers,
                new PairEvidence(Map.of("reference", reference), Map.of(), List.of()),
                Budget.ofRho(rho),
                1,
                MEMORY,
                0.5);
    }

    private static SelectionMethod method(String name) {
        return SelectionMethods.get(name);
    }

    @Test
    void budgetIsFloorOfRhoTimesLayers() {
        assertEquals(1, LayerBudget.layers(0.1, 11));
        assertEquals(3, LayerBudget.layers(0.3, 11));
        assertEquals(29, LayerBudget.layers(0.29, 100));
        assertEquals(10, LayerBudget.layers(1.0, 10));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LayerBudget.layers(0.05, 11));
        assertTrue(e.getMessage().contains("0.05"));
    }

    @Test
    void adabetTakesTheHighestScoresInForwardOrder() {
        SelectionContext c = rho(layers(10), scores(1, 9, 3, 8, 2, 7, 0, 0, 0, 0), 0.3);
        assertEquals(Set.of("l1", "l3", "l5"), method("adabet").select(c).layers());
    }

    @Test
    void equalScoresGoToTheEarlierLayer() {
        SelectionContext c = rho(layers(10), scores(1, 5, 5, 5, 5, 0, 0, 0, 0, 5), 0.2);
        assertEquals(Set.of("l1", "l2"), method("adabet").select(c).layers());
    }

    @Test
    void headIsOnlyAddedWhenForced() {
        SelectionContext c = rho(layers(10), scores(9, 1, 1, 1, 1, 1, 1, 1, 1, 0), 0.1);
        assertEquals(Set.of("l0"), SelectionMethods.select(method("adabet"), c, false).layers());
        assertEquals(
                Set.of("l0", "l9"), SelectionMethods.select(method("adabet"), c, true).layers());
        assertEquals(Set.of("l9"), SelectionMethods.select(method("last_layer"), c, true).layers());
    }

    @Test
    void fixedBaselines() {
        SelectionContext c = rho(layers(4), Map.of(), 0.5);
        assertEquals(Set.of("l0", "l1", "l2", "l3"), method("full").select(c).layers());
        assertEquals(Set.of("l3"), method("last_layer").select(c).layers());
    }

    @Test
    void bnStatsTrainsNothingAndDeclaresItAdaptsBatchNormStatistics() {
        SelectionMethod m = method("bn_stats");
        assertEquals(Retraining.BATCH_NORM_STATISTICS, m.retraining());
        assertEquals(Retraining.BATCH_NORM_STATISTICS, SelectionMethods.retraining("bn_stats"));
        assertEquals(Retraining.GRADIENT_STEPS, SelectionMethods.retraining("full"));
        assertEquals(Set.of(), m.requires());
        assertTrue(!m.usesBudget() && !m.cost(4).needsLabels());
        assertTrue(m.select(rho(layers(4), Map.of(), 0.5)).isEmpty());
        List<LayerInfo> noBatchNorm =
                layers(4).stream().filter(l -> !l.type().equals("batch_norm")).toList();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> m.select(rho(noBatchNorm, Map.of(), 0.5)));
        assertTrue(e.getMessage().contains("no BatchNorm"), e.getMessage());
    }

    /** conv with a bias, BatchNorm, conv without one, LayerNorm, the linear head. */
    private static List<LayerInfo> normsAndBiases() {
        return List.of(
                new LayerInfo(0, "conv_b", "conv", 30, 3, 100, 100, 4, 1000, false, false),
                new LayerInfo(1, "bn", "batch_norm", 8, 4, 100, 100, 4, 100, true, false),
                new LayerInfo(2, "conv", "conv", 50, 0, 100, 100, 4, 1000, false, false),
                new LayerInfo(3, "ln", "layer_norm", 8, 4, 100, 100, 4, 100, false, false),
                new LayerInfo(4, "head", "linear", 44, 4, 10, 4, 4, 88, false, true));
    }

    @Test
    void bnBiasTrainsNormsBiasesAndTheWholeHead() {
        SelectionContext c = rho(normsAndBiases(), Map.of(), 0.5);
        TrainableSpec spec = method("bn_bias").select(c);
        assertEquals(Set.of("bn", "ln", "head"), spec.layers());
        assertEquals(Set.of("conv_b"), spec.biasOnly());
        LayerInfo head = c.layers().get(4);
        assertEquals(
                head.parameters(),
                spec.trainableParameters(head),
                "the head's weight matrix trains");
        assertEquals(
                3 + 8 + 8 + 44, c.layers().stream().mapToLong(spec::trainableParameters).sum());
    }

    @Test
    void tinytlBiasTrainsEveryBiasAndTheWholeHead() {
        SelectionContext c = rho(normsAndBiases(), Map.of(), 0.5);
        TrainableSpec spec = method("tinytl_bias").select(c);
        assertEquals(Set.of("head"), spec.layers());
        assertEquals(Set.of("conv_b", "bn", "ln"), spec.biasOnly());
        LayerInfo head = c.layers().get(4);
        assertEquals(
                head.parameters(),
                spec.trainableParameters(head),
                "the head's weight matrix trains");
        // Norm layers train their shift only; the bias-free conv trains nothing.
        assertEquals(
                3 + 4 + 4 + 44, c.layers().stream().mapToLong(spec::trainableParameters).sum());
        assertTrue(method("tinytl_bias").requires().isEmpty());
        assertTrue(!method("tinytl_bias").usesBudget());
    }

    @Test
    void randomIsSeededSizedAndVaries() {
        List<LayerInfo> ls = layers(20);
        SelectionMethod r = method("random");
        SelectionContext c5 =
                new SelectionContext(ls, PairEvidence.NONE, Budget.ofRho(0.25), 5, MEMORY, 0.5);
        Set<String> a = r.select(c5).layers();
        assertEquals(a, r.select(c5).layers());
        assertEquals(5, a.size());
        Set<Set<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            seen.add(
                    r.select(
                                    new SelectionContext(
                                            ls,
                                            PairEvidence.NONE,
                                            Budget.ofRho(0.25),
                                            seed,
                                            MEMORY,
                                            0.5))
                            .layers());
        }
        assertTrue(seen.size() > 5, "ten seeds gave only " + seen.size() + " different selections");
    }

    @Test
    void missingEvidenceNamesWhatIsMissing() {
        SelectionContext c = rho(layers(3), scores(1, 2), 0.5);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> method("adabet").select(c));
        assertTrue(e.getMessage().contains("l2"), e.getMessage());
        IllegalArgumentException g =
                assertThrows(IllegalArgumentException.class, () -> method("fisher").select(c));
        assertTrue(g.getMessage().contains("gradient"), g.getMessage());
    }

    @Test
    void scoreVariantsRankByTheirOwnStatistic() {
        PairEvidence ev =
                new PairEvidence(
                        Map.of("reference", scores(3, 2, 1, 0), "beta1", scores(0, 1, 2, 3)),
                        Map.of(),
                        List.of());
        SelectionContext c =
                new SelectionContext(layers(4), ev, Budget.ofRho(0.25), 1, MEMORY, 0.5);
        assertEquals(Set.of("l0"), method("adabet").select(c).layers());
        assertEquals(Set.of("l3"), method("adabet:beta1").select(c).layers());
    }

    @Test
    void channelSelectionKeepsTheTopChannelsOfTheChosenLayers() {
        PairEvidence ev =
                new PairEvidence(
                        Map.of("reference", scores(0, 5, 0, 0)),
                        Map.of("l1", new double[] {1, 7, 7, 0}),
                        List.of());
        SelectionContext c =
                new SelectionContext(layers(4), ev, Budget.ofRho(0.25), 1, MEMORY, 0.5);
        TrainableSpec spec = method("adabet_channel").select(c);
        assertEquals(Set.of("l1"), spec.layers());
        assertArrayEquals(new boolean[] {false, true, true, false}, spec.channelMasks().get("l1"));
        assertArrayEquals(
                new boolean[] {true, false, false},
                AdabetChannelSelection.topChannels(new double[] {2, 2, 1}, 0.2));
    }

    @Test
    void channelScoresNeverDecideALayerWhoseChannelsCannotBeRanked() {
        // A conv (25 values per channel), a linear layer on tokens (4 tokens per unit), and a
        // head whose units are one value each: beta1 of every head unit is 0.
        List<LayerInfo> ls =
                List.of(
                        new LayerInfo(0, "conv", "conv", 40, 0, 100, 100, 4, 1000, true, false),
                        new LayerInfo(1, "tokens", "linear", 40, 4, 16, 16, 4, 1000, false, false),
                        new LayerInfo(2, "flat", "conv", 40, 0, 100, 100, 4, 1000, true, false),
                        new LayerInfo(3, "head", "linear", 44, 4, 10, 4, 4, 88, false, true));
        PairEvidence ev =
                new PairEvidence(
                        Map.of(
                                "reference",
                                Map.of("conv", 3.0, "tokens", 2.0, "flat", 4.0, "head", 5.0)),
                        Map.of(
                                "conv",
                                new double[] {0, 2, 1, 0},
                                "tokens",
                                new double[] {0, 0, 3, 0},
                                "flat",
                                new double[] {2, 2, 2, 2},
                                "head",
                                new double[] {0, 0, 0, 0}),
                        List.of());
        SelectionContext c = new SelectionContext(ls, ev, Budget.ofRho(1.0), 1, MEMORY, 0.5);
        TrainableSpec spec = method("adabet_channel").select(c);
        assertEquals(Set.of("conv", "tokens", "flat", "head"), spec.layers());
        assertEquals(Set.of("conv", "tokens"), spec.channelMasks().keySet());
        assertArrayEquals(
                new boolean[] {false, true, true, false}, spec.channelMasks().get("conv"));
        assertArrayEquals(
                new boolean[] {true, false, true, false}, spec.channelMasks().get("tokens"));
        assertEquals(44, spec.trainableParameters(ls.get(3)), "every unit of the head trains");
        assertEquals(
                40,
                spec.trainableParameters(ls.get(2)),
                "equal scores rank nothing: the layer trains whole");

        // The head needs no channel statistics at all.
        PairEvidence headOnly =
                new PairEvidence(
                        Map.of(
                                "reference",
                                Map.of("conv", 0.0, "tokens", 0.0, "flat", 0.0, "head", 5.0)),
                        Map.of(),
                        List.of());
        TrainableSpec h =
                method("adabet_channel")
                        .select(
                                new SelectionContext(
                                        ls, headOnly, Budget.ofRho(0.25), 1, MEMORY, 0.5));
        assertEquals(Set.of("head"), h.layers());
        assertTrue(h.channelMasks().isEmpty());
    }

    @Test
    void gradientMethodsReadFisherAndRelativeGradientNorm() {
        List<GradientStatistics> g =
                List.of(
                        new GradientStatistics("l0", 1, 1, 10),
                        new GradientStatistics("l1", 5, 1, 1),
                        new GradientStatistics("l2", 3, 4, 100),
                        new GradientStatistics("l3", 0, 2, 1));
        SelectionContext c =
                new SelectionContext(
                        layers(4),
                        new PairEvidence(Map.of(), Map.of(), g),
                        Budget.ofRho(0.25),
                        1,
                        MEMORY,
                        0.5);
        assertEquals(Set.of("l1"), method("fisher").select(c).layers());
        assertEquals(Set.of("l3"), method("rgn").select(c).layers()); // 2/1 beats 1/1, 4/100, 1/10
    }

    @Test
    void elasticMaximisesImportanceWithinTheComputeBudgetAsBruteForceDoes() {
        List<LayerInfo> ls = layers(6);
        List<GradientStatistics> g = new ArrayList<>();
        double[] norms = {3, 1, 2, 0.5, 2.5, 1};
        for (int i = 0; i < 6; i++) {
            g.add(new GradientStatistics("l" + i, 0, norms[i], 1));
        }
        for (double rho : new double[] {0.1, 0.2, 0.35, 0.5, 0.8, 1.0}) {
            SelectionContext c =
                    new SelectionContext(
                            ls,
                            new PairEvidence(Map.of(), Map.of(), g),
                            Budget.ofRho(rho),
                            1,
                            MEMORY,
                            0.5);
            Set<String> chosen = method("elastic").select(c).layers();
            long full = backwardFlops(ls, allNames(ls));
            double best = 0;
            for (int mask = 1; mask < 64; mask++) {
                Set<String> s = new HashSet<>();
                for (int i = 0; i < 6; i++) {
                    if ((mask & (1 << i)) != 0) {
                        s.add("l" + i);
                    }
                }
                if (backwardFlops(ls, s) <= Math.floor(rho * full)) {
                    best =
                            Math.max(
                                    best,
                                    s.stream()
                                            .mapToDouble(n -> Math.pow(norms[n.charAt(1) - '0'], 2))
                                            .sum());
                }
            }
            double got =
                    chosen.stream().mapToDouble(n -> Math.pow(norms[n.charAt(1) - '0'], 2)).sum();
            assertEquals(best, got, 1e-12, "rho " + rho);
            assertTrue(chosen.isEmpty() || backwardFlops(ls, chosen) <= Math.floor(rho * full));
        }
    }

    @Test
    void memoryBudgetPicksTheBestSetThatFits() {
        List<LayerInfo> ls = new ArrayList<>(layers(5));
        LayerInfo l0 = ls.get(0);
        // A first layer with a large input: keeping it for the backward pass costs more than the
        // budget.
        ls.set(
                0,
                new LayerInfo(
                        0,
                        "l0",
                        "conv",
                        l0.parameters(),
                        0,
                        1000,
                        l0.outputElements(),
                        4,
                        l0.forwardFlops(),
                        true,
                        false));
        Map<String, Double> s = scores(5, 1, 1, 1, 4);
        long budget = MEMORY.training(ls, TrainableSpec.layers(List.of("l4"))).total();
        SelectionContext c =
                new SelectionContext(
                        ls,
                        new PairEvidence(Map.of("reference", s), Map.of(), List.of()),
                        Budget.ofMemory(budget),
                        1,
                        MEMORY,
                        0.5);
        // l0 alone would score more but does not fit; nothing else fits beside l4.
        assertEquals(Set.of("l4"), method("adabet").select(c).layers());
    }

    private static Set<String> allNames(List<LayerInfo> ls) {
        Set<String> s = new HashSet<>();
        ls.forEach(l -> s.add(l.name()));
        return s;
    }

    private static long backwardFlops(List<LayerInfo> ls, Set<String> chosen) {
        int m =
                ls.stream()
                        .filter(l -> chosen.contains(l.name()))
                        .mapToInt(LayerInfo::index)
                        .min()
                        .orElse(99);
        return ls.stream().filter(l -> l.index() > m).mapToLong(LayerInfo::forwardFlops).sum()
                + ls.stream()
                        .filter(l -> chosen.contains(l.name()))
                        .mapToLong(LayerInfo::forwardFlops)
                        .sum();
    }
}
