package org.adabet.selection;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.adabet.memory.MemoryModel;
import org.adabet.model.LayerInfo;

/**
 * The highest-scoring set of whole layers whose cost fits a capacity: a 0/1 knapsack, solved
 * exactly. It serves the memory budget (cost = {@link MemoryModel} bits) and ElasticTrainer's
 * compute budget (cost = backward FLOPs).
 *
 * <p>Both costs are additive over the chosen layers except for one term that depends on the
 * earliest chosen layer m (ReLU masks kept from m on; gradients propagated back to m). So for each
 * m (taken), the layers after m form a plain knapsack with capacity {@code capacity - fixed(m) -
 * item(m)}, solved by a Pareto-front dynamic programme over (cost, score) pairs, exact for any
 * integer costs. The best m wins; equal scores go to the cheaper set, then to the set whose first
 * differing layer is earlier.
 */
public final class LayerKnapsack {
    private LayerKnapsack() {}

    /** The cost of a selection: {@code fixed(earliest) + sum of item(layer)}. */
    public interface Cost {
        long fixed(int earliest);

        long item(LayerInfo layer);
    }

    /** A partial selection: total item cost, total score, chosen layer indices. */
    private record State(long cost, double value, BitSet chosen) {}

    /**
     * @return layer names in forward order; empty if no layer fits
     */
    public static List<String> select(
            List<LayerInfo> layers, Map<String, Double> scores, Cost cost, long capacity) {
        State best = null;
        for (LayerInfo first : layers) {
            long room = capacity - cost.fixed(first.index());
            if (room - cost.item(first) < 0) {
                continue;
            }
            BitSet start = new BitSet();
            start.set(first.index());
            List<State> front =
                    new ArrayList<>(
                            List.of(new State(cost.item(first), score(scores, first), start)));
            for (LayerInfo l : layers.subList(first.index() + 1, layers.size())) {
                front = add(front, l, cost.item(l), score(scores, l), room);
            }
            for (State s : front) {
                if (best == null || better(s, best)) {
                    best = s;
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        BitSet chosen = best.chosen();
        return layers.stream().filter(l -> chosen.get(l.index())).map(LayerInfo::name).toList();
    }

    /** Whole layers under a memory budget in bytes. */
    public static List<String> underMemory(
            List<LayerInfo> layers,
            Map<String, Double> scores,
            MemoryModel model,
            long budgetBytes) {
        long base = model.baseBits(layers);
        Cost bits =
                new Cost() {
                    @Override
                    public long fixed(int earliest) {
                        return base + model.passBits(layers, earliest);
                    }

                    @Override
                    public long item(LayerInfo layer) {
                        return model.layerBits(layer);
                    }
                };
        return select(layers, scores, bits, 8 * budgetBytes);
    }

    private static double score(Map<String, Double> scores, LayerInfo l) {
        Double s = scores.get(l.name());
        if (s == null || Double.isNaN(s)) {
            throw new IllegalArgumentException(
                    "memory knapsack: no score for layer '" + l.name() + "'");
        }
        return s;
    }

    /**
     * Front after optionally adding one layer: only states that no cheaper state beats or equals.
     */
    private static List<State> add(
            List<State> front, LayerInfo l, long cost, double value, long capacity) {
        List<State> all = new ArrayList<>(front);
        for (State s : front) {
            if (s.cost() + cost <= capacity) {
                BitSet chosen = (BitSet) s.chosen().clone();
                chosen.set(l.index());
                all.add(new State(s.cost() + cost, s.value() + value, chosen));
            }
        }
        all.sort(
                Comparator.comparingLong(State::cost)
                        .thenComparing((a, b) -> Double.compare(b.value(), a.value()))
                        .thenComparing((a, b) -> compareSets(a.chosen(), b.chosen())));
        List<State> pruned = new ArrayList<>();
        for (State s : all) {
            if (pruned.isEmpty() || s.value() > pruned.get(pruned.size() - 1).value()) {
                pruned.add(s);
            }
        }
        return pruned;
    }

    private static boolean better(State a, State b) {
        if (a.value() != b.value()) {
            return a.value() > b.value();
        }
        if (a.cost() != b.cost()) {
            return a.cost() < b.cost();
        }
        return compareSets(a.chosen(), b.chosen()) < 0;
    }

    /** Negative when {@code a}'s first layer not shared with {@code b} comes earlier. */
    private static int compareSets(BitSet a, BitSet b) {
        BitSet diff = (BitSet) a.clone();
        diff.xor(b);
        int first = diff.nextSetBit(0);
        return first < 0 ? 0 : (a.get(first) ? -1 : 1);
    }
}
