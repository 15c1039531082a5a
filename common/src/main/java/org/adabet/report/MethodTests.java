package org.adabet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adabet.stats.Holm;
import org.adabet.stats.PairedComparison;

/**
 * Paired tests of every method against {@code adabet} at the same budget, on test accuracy at the
 * validation-chosen epoch (percent): across pairs on per-pair means over seeds, and within each
 * pair across the seeds both ran. Each (scope, pair, budget) is one Holm family over the methods
 * compared. Methods without a budget are compared with adabet at every one of its budgets. Failed
 * runs are left out; a pair or seed missing on either side drops out of that comparison (n says how
 * many remain).
 */
public final class MethodTests {
    public static final String BASELINE = "adabet";

    private MethodTests() {}

    /**
     * Test accuracy (percent) by method, budget label, pair and seed.
     *
     * @throws IllegalArgumentException when two rows share a method, budget, pair and seed
     */
    static Map<String, Map<String, Map<String, Map<Long, Double>>>> accuracies(
            List<SeedAccuracy> rows) {
        Map<String, Map<String, Map<String, Map<Long, Double>>>> out = new TreeMap<>();
        for (SeedAccuracy r : rows) {
            Double before =
                    out.computeIfAbsent(r.method(), k -> new TreeMap<>())
                            .computeIfAbsent(r.budget(), k -> new TreeMap<>())
                            .computeIfAbsent(r.pair(), k -> new TreeMap<>())
                            .put(r.seed(), r.accuracyPct());
            if (before != null) {
                throw new IllegalArgumentException("two accuracies for one seed: " + r);
            }
        }
        return out;
    }

    /**
     * The tests, from one accuracy per method, budget, pair and seed ({@link SeedAccuracy}); the
     * rows' order does not matter.
     */
    public static List<TestRow> of(List<SeedAccuracy> accuracies) {
        var acc = accuracies(accuracies);
        var base = acc.get(BASELINE);
        List<TestRow> rows = new ArrayList<>();
        if (base == null) {
            return rows;
        }
        for (var b : base.entrySet()) {
            String budget = b.getKey();
            Map<String, Map<Long, Double>> adabet = b.getValue();
            List<TestRow> across = new ArrayList<>();
            Map<String, List<TestRow>> within = new TreeMap<>();
            for (var m : acc.entrySet()) {
                String method = m.getKey();
                String own = m.getValue().containsKey(budget) ? budget : "-";
                Map<String, Map<Long, Double>> other = m.getValue().get(own);
                if (method.equals(BASELINE) || other == null) {
                    continue;
                }
                List<Double> perPair = new ArrayList<>();
                for (var p : adabet.entrySet()) {
                    Map<Long, Double> theirs = other.get(p.getKey());
                    if (theirs == null) {
                        continue;
                    }
                    perPair.add(mean(theirs) - mean(p.getValue()));
                    List<Double> perSeed = new ArrayList<>();
                    p.getValue()
                            .forEach(
                                    (seed, a) -> {
                                        if (theirs.containsKey(seed)) {
                                            perSeed.add(theirs.get(seed) - a);
                                        }
                                    });
                    within.computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                            .add(row(TestRow.WITHIN, p.getKey(), budget, method, own, perSeed));
                }
                across.add(row(TestRow.ACROSS, TestRow.ALL_PAIRS, budget, method, own, perPair));
            }
            rows.addAll(holm(across));
            within.values().forEach(family -> rows.addAll(holm(family)));
        }
        return rows;
    }

    private static TestRow row(
            String scope,
            String pair,
            String budget,
            String method,
            String own,
            List<Double> differences) {
        PairedComparison c =
                PairedComparison.of(
                        differences.stream().mapToDouble(Double::doubleValue).toArray());
        return new TestRow(scope, pair, budget, method, own, c, Double.NaN, 0);
    }

    private static List<TestRow> holm(List<TestRow> family) {
        double[] p = family.stream().mapToDouble(r -> r.comparison().pValue()).toArray();
        double[] adjusted = Holm.adjust(p);
        int m = (int) java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
        List<TestRow> out = new ArrayList<>();
        for (int i = 0; i < family.size(); i++) {
            TestRow r = family.get(i);
            out.add(
                    new TestRow(
                            r.scope(),
                            r.pair(),
                            r.budget(),
                            r.method(),
                            r.methodBudget(),
                            r.comparison(),
                            adjusted[i],
                            m));
        }
        return out;
    }

    static double mean(Map<Long, Double> values) {
        return values.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }
}
