package org.adabet.memory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.adabet.model.LayerInfo;

/**
 * The highest-scoring set of whole layers whose peak training memory ({@link MemoryModel}) fits a
 * budget: a 0/1 knapsack, solved exactly.
 *
 * <p>The model's cost is additive over layers except for the ReLU masks, which depend on the
 * earliest trained layer m. So for each m (taken), the layers after m form a plain knapsack with
 * capacity budget - base - relu(m) - cost(m); it is solved by a Pareto-front dynamic programme
 * over (cost, score) pairs, which is exact for any integer costs (here bits). The best m wins;
 * equal scores go to the cheaper set, then to the set whose first differing layer is earlier.
 */
public final class MemoryKnapsack {
    private MemoryKnapsack() {}

    /** A partial selection: total extra bits, total score, chosen layer indices. */
    private record State(long cost, double value, BitSet chosen) {}

    /**
     * @return layer names in forward order; empty if no layer fits
     */
    public static List<String> select(List<LayerInfo> layers, Map<String, Double> scores, MemoryModel model,
            long budgetBytes) {
        long capacity = 8 * budgetBytes - model.baseBits(layers);
        State best = null;
        for (LayerInfo first : layers) {
            long room = capacity - model.reluBits(layers, first.index()) - model.layerBits(first);
            if (room < 0) {
                continue;
            }
            BitSet start = new BitSet();
            start.set(first.index());
            List<State> front = new ArrayList<>(List.of(new State(model.layerBits(first), score(scores, first), start)));
            for (LayerInfo l : layers.subList(first.index() + 1, layers.size())) {
                front = add(front, l, model.layerBits(l), score(scores, l), capacity - model.reluBits(layers, first.index()));
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

    private static double score(Map<String, Double> scores, LayerInfo l) {
        Double s = scores.get(l.name());
        if (s == null || Double.isNaN(s)) {
            throw new IllegalArgumentException("memory knapsack: no score for layer '" + l.name() + "'");
        }
        return s;
    }

    /** Front after optionally adding one layer: only states that no cheaper state beats or equals. */
    private static List<State> add(List<State> front, LayerInfo l, long cost, double value, long capacity) {
        List<State> all = new ArrayList<>(front);
        for (State s : front) {
            if (s.cost() + cost <= capacity) {
                BitSet chosen = (BitSet) s.chosen().clone();
                chosen.set(l.index());
                all.add(new State(s.cost() + cost, s.value() + value, chosen));
            }
        }
        all.sort(Comparator.comparingLong(State::cost).thenComparing((a, b) -> Double.compare(b.value(), a.value()))
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
