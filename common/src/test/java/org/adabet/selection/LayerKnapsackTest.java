package org.adabet.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.adabet.memory.MemoryModel;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.junit.jupiter.api.Test;

/** The knapsack against brute force over every subset of small random nets. */
class LayerKnapsackTest {

    @Test
    void matchesBruteForceOnRandomSmallNets() {
        SplittableRandom rng = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(10);
            List<LayerInfo> layers = new ArrayList<>();
            Map<String, Double> scores = new HashMap<>();
            for (int i = 0; i < n; i++) {
                long in = 1 + rng.nextInt(400);
                long out = 1 + rng.nextInt(400);
                layers.add(
                        new LayerInfo(
                                i,
                                "l" + i,
                                "conv",
                                1 + rng.nextInt(500),
                                0,
                                in,
                                out,
                                1,
                                1,
                                rng.nextBoolean(),
                                i == n - 1));
                // Small integer scores make ties common, so the tie rule is exercised too.
                scores.put("l" + i, (double) rng.nextInt(4));
            }
            MemoryModel model = new MemoryModel(1 + rng.nextInt(8), 1 + rng.nextInt(8));
            long full =
                    model.training(
                                    layers,
                                    TrainableSpec.layers(
                                            layers.stream().map(LayerInfo::name).toList()))
                            .total();
            long budget = rng.nextLong(full + 1);
            List<String> chosen = LayerKnapsack.underMemory(layers, scores, model, budget);
            Best brute = bruteForce(layers, scores, model, budget);
            assertEquals(brute.any, !chosen.isEmpty(), "trial " + trial);
            if (!chosen.isEmpty()) {
                assertEquals(brute.value, value(chosen, scores), 1e-12, "trial " + trial);
                assertTrue(model.training(layers, TrainableSpec.layers(chosen)).total() <= budget);
                assertEquals(
                        brute.cost,
                        model.training(layers, TrainableSpec.layers(chosen)).total(),
                        "equal scores go to the cheaper set, trial " + trial);
            }
        }
    }

    @Test
    void nothingFitsGivesAnEmptySelection() {
        List<LayerInfo> layers =
                List.of(
                        LayerInfo.simple(0, "a", 100, 50, false),
                        LayerInfo.simple(1, "b", 10, 5, true));
        assertEquals(
                List.of(),
                LayerKnapsack.underMemory(
                        layers, Map.of("a", 1.0, "b", 1.0), new MemoryModel(2, 4), 100));
    }

    private record Best(double value, long cost, boolean any) {}

    private static Best bruteForce(
            List<LayerInfo> layers, Map<String, Double> scores, MemoryModel model, long budget) {
        double bestValue = Double.NEGATIVE_INFINITY;
        long bestCost = -1;
        for (int mask = 1; mask < (1 << layers.size()); mask++) {
            List<String> s = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add("l" + i);
                }
            }
            long cost = model.training(layers, TrainableSpec.layers(s)).total();
            double v = value(s, scores);
            if (cost <= budget && (v > bestValue || (v == bestValue && cost < bestCost))) {
                bestValue = v;
                bestCost = cost;
            }
        }
        return new Best(bestValue, bestCost, bestCost >= 0);
    }

    private static double value(List<String> s, Map<String, Double> scores) {
        return s.stream().mapToDouble(scores::get).sum();
    }
}
