package org.adabet.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adabet.sweep.RetrainOutcome;

/**
 * One method's peak memory on one pair at one budget, the largest over its runs (seeds and draws,
 * failed runs too: memory is known before training). The input of {@link Claims}' memory reduction;
 * the tests stage computes these rows with one Spark SQL aggregation.
 *
 * @param budget the budget's label, {@code "-"} for a method without one
 * @param peakBytes the training peak (our analytic model)
 * @param peakWithSelectionBytes the larger of the training peak and the selection's own peak
 */
public record PairPeak(
        String method, String budget, String pair, long peakBytes, long peakWithSelectionBytes) {
    public PairPeak {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(budget, "budget of method " + method);
        Objects.requireNonNull(pair, "pair of method " + method);
        if (peakBytes < 0 || peakWithSelectionBytes < peakBytes) {
            throw new IllegalArgumentException(
                    "peak of "
                            + method
                            + " at "
                            + budget
                            + " on "
                            + pair
                            + ": training "
                            + peakBytes
                            + " B, with selection "
                            + peakWithSelectionBytes
                            + " B (need 0 <= training <= with selection)");
        }
    }

    /**
     * The rows of runs already decoded (for the library's own tests), sorted by method, budget and
     * pair.
     */
    public static List<PairPeak> of(List<RetrainOutcome> outcomes) {
        Map<List<Object>, long[]> peak = new TreeMap<>(SeedAccuracy::compareKeys);
        for (RetrainOutcome o : outcomes) {
            long training = o.task().memory().total();
            long withSelection = Math.max(training, o.task().selectionPeakBytes());
            long[] p =
                    peak.computeIfAbsent(
                            List.of(
                                    o.task().method(),
                                    SeedAccuracy.label(o),
                                    o.task().pair().key()),
                            k -> new long[] {training, withSelection});
            p[0] = Math.max(p[0], training);
            p[1] = Math.max(p[1], withSelection);
        }
        List<PairPeak> out = new ArrayList<>();
        peak.forEach(
                (k, p) ->
                        out.add(
                                new PairPeak(
                                        (String) k.get(0),
                                        (String) k.get(1),
                                        (String) k.get(2),
                                        p[0],
                                        p[1])));
        return out;
    }
}
