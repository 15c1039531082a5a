package org.adabet.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.adabet.model.LayerInfo;
import org.adabet.selection.Evidence;
import org.adabet.selection.SelectionMethod;
import org.adabet.stats.Concordance;
import org.adabet.sweep.Pair;

/**
 * Rank stability of the scoring methods: how much a method's ranking of the layers moves when its
 * statistics are computed on other unlabelled batches of the same target (scope {@code draws}), and
 * how much it shares across the targets of one architecture (scope {@code targets}, draw 0: the
 * scores the selections use). Both are read with {@link Concordance}: Kendall's W and the mean
 * pairwise Spearman; the aggregated ranking is the mean rank (with complete rankings, the Borda
 * count's order).
 */
public final class RankStability {
    private RankStability() {}

    /**
     * Whether a method's scores come from the statistics batches (so differ from draw to draw); the
     * others (gradients from one fixed batch, seeded random scores, layer shapes) do not.
     */
    public static boolean variesByDraw(SelectionMethod method) {
        Set<Evidence> needs = method.requires();
        return needs.contains(Evidence.LAYER_STATISTICS)
                || needs.contains(Evidence.CHANNEL_STATISTICS)
                || needs.contains(Evidence.REPRESENTATION_CHANGE);
    }

    /**
     * @param layers each pair's candidate layers, in plan order
     * @param scores pair -> draw -> method -> layer -> score
     * @return scope {@code draws}: per pair and method scored on at least two draws; then scope
     *     {@code targets}: per architecture and method scored (draw 0) on at least two of its
     *     targets
     */
    public static List<RankStabilityRow> compute(
            Map<Pair, List<LayerInfo>> layers,
            Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> scores) {
        List<RankStabilityRow> rows = new ArrayList<>();
        layers.forEach((pair, l) -> rows.addAll(acrossDraws(pair, l, scores.get(pair))));
        Map<String, List<Pair>> byArchitecture = new LinkedHashMap<>();
        layers.keySet()
                .forEach(
                        p ->
                                byArchitecture
                                        .computeIfAbsent(p.architecture(), a -> new ArrayList<>())
                                        .add(p));
        byArchitecture.forEach(
                (arch, pairs) -> rows.addAll(acrossTargets(arch, pairs, layers, scores)));
        return rows;
    }

    private static List<RankStabilityRow> acrossDraws(
            Pair pair,
            List<LayerInfo> layers,
            Map<Integer, Map<String, Map<String, Double>>> byDraw) {
        List<RankStabilityRow> rows = new ArrayList<>();
        if (byDraw == null) {
            return rows;
        }
        List<Integer> draws = byDraw.keySet().stream().sorted().toList();
        Set<String> methods = new LinkedHashSet<>();
        draws.forEach(d -> methods.addAll(byDraw.get(d).keySet()));
        for (String method : methods) {
            List<Map<String, Double>> rankings = new ArrayList<>();
            for (int d : draws) {
                Map<String, Double> s = byDraw.get(d).get(method);
                if (s != null) {
                    rankings.add(s);
                }
            }
            if (rankings.size() >= 2) {
                rows.add(
                        row(
                                RankStabilityRow.DRAWS,
                                pair.key(),
                                pair.architecture(),
                                method,
                                layers,
                                rankings));
            }
        }
        return rows;
    }

    private static List<RankStabilityRow> acrossTargets(
            String arch,
            List<Pair> pairs,
            Map<Pair, List<LayerInfo>> layers,
            Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> scores) {
        List<RankStabilityRow> rows = new ArrayList<>();
        // Layers every target has, by name, in the first target's order.
        List<LayerInfo> common = new ArrayList<>(layers.get(pairs.get(0)));
        for (Pair p : pairs) {
            Set<String> names = new java.util.HashSet<>();
            layers.get(p).forEach(l -> names.add(l.name()));
            common.removeIf(l -> !names.contains(l.name()));
        }
        Set<String> methods = new LinkedHashSet<>();
        pairs.forEach(p -> methods.addAll(drawZero(scores, p).keySet()));
        for (String method : methods) {
            List<Map<String, Double>> rankings = new ArrayList<>();
            for (Pair p : pairs) {
                Map<String, Double> s = drawZero(scores, p).get(method);
                if (s != null) {
                    rankings.add(s);
                }
            }
            if (rankings.size() >= 2 && !common.isEmpty()) {
                rows.add(row(RankStabilityRow.TARGETS, "all", arch, method, common, rankings));
            }
        }
        return rows;
    }

    private static Map<String, Map<String, Double>> drawZero(
            Map<Pair, Map<Integer, Map<String, Map<String, Double>>>> scores, Pair p) {
        return scores.getOrDefault(p, Map.of()).getOrDefault(0, Map.of());
    }

    private static RankStabilityRow row(
            String scope,
            String pair,
            String arch,
            String method,
            List<LayerInfo> layers,
            List<Map<String, Double>> rankings) {
        double[][] matrix = new double[rankings.size()][layers.size()];
        for (int r = 0; r < rankings.size(); r++) {
            for (int i = 0; i < layers.size(); i++) {
                Double v = rankings.get(r).get(layers.get(i).name());
                matrix[r][i] = v == null ? Double.NaN : v;
            }
        }
        Concordance c = Concordance.of(matrix);
        List<Integer> order =
                IntStream.range(0, layers.size())
                        .boxed()
                        .sorted(
                                Comparator.comparingDouble((Integer i) -> c.meanRanks()[i])
                                        .thenComparingInt(i -> i))
                        .toList();
        return new RankStabilityRow(
                scope,
                pair,
                arch,
                method,
                layers.size(),
                rankings.size(),
                c.meanSpearman(),
                c.kendallW(),
                order.stream().map(i -> layers.get(i).name()).toList(),
                order.stream().map(i -> c.meanRanks()[i]).toList());
    }
}
