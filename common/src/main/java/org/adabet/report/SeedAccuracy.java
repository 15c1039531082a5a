package org.adabet.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adabet.sweep.RetrainOutcome;

/**
 * One method's test accuracy at the validation-chosen epoch (percent) on one pair, budget and seed,
 * from its successful runs; a drawn method's draws of that seed averaged (a running mean in draw
 * order). The input of {@link MethodTests} and {@link Claims}; the tests stage computes these rows
 * with one Spark SQL aggregation.
 *
 * @param budget the budget's label, {@code "-"} for a method without one
 * @param pair the pair's key
 * @param accuracyPct NaN when a successful run recorded no accuracy
 */
public record SeedAccuracy(
        String method, String budget, String pair, long seed, double accuracyPct) {
    public SeedAccuracy {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(budget, "budget of method " + method);
        Objects.requireNonNull(pair, "pair of method " + method);
    }

    /**
     * The rows of runs already decoded (for the library's own tests): successful runs only, draws
     * of one seed averaged in the given order, rows sorted by method, budget, pair and seed.
     */
    public static List<SeedAccuracy> of(List<RetrainOutcome> outcomes) {
        Map<List<Object>, Double> mean = new TreeMap<>(SeedAccuracy::compareKeys);
        Map<List<Object>, Integer> draws = new HashMap<>();
        for (RetrainOutcome o : outcomes) {
            if (!o.succeeded()) {
                continue;
            }
            List<Object> key =
                    List.of(o.task().method(), label(o), o.task().pair().key(), o.task().seed());
            int n = draws.merge(key, 1, Integer::sum);
            // Running mean over the draws of one seed.
            mean.merge(key, 100 * o.testAccuracy(), (m, x) -> m + (x - m) / n);
        }
        List<SeedAccuracy> out = new ArrayList<>();
        mean.forEach(
                (k, v) ->
                        out.add(
                                new SeedAccuracy(
                                        (String) k.get(0),
                                        (String) k.get(1),
                                        (String) k.get(2),
                                        (Long) k.get(3),
                                        v)));
        return out;
    }

    /** A run's budget label, {@code "-"} without a budget (the tables' {@code budget} column). */
    static String label(RetrainOutcome o) {
        return o.task().budget() == null ? "-" : o.task().budget().label();
    }

    /** Keys (strings, then a long) in natural order, component by component. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
