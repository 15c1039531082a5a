package org.adabet.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The Pareto front of accuracy (higher is better) against memory (lower is better). */
public final class Pareto {
    private Pareto() {}

    /**
     * The points no other point beats: none has less or equal memory and strictly higher accuracy,
     * or strictly less memory and equal accuracy. Ordered by memory, then accuracy; of equal points
     * the first given is kept.
     */
    public static List<MethodPoint> front(List<MethodPoint> points) {
        List<MethodPoint> sorted = new ArrayList<>(points);
        // Stable sort: equal points keep their given order, so the first of them is kept.
        sorted.sort(
                Comparator.comparingLong(MethodPoint::peakBytes)
                        .thenComparing(
                                Comparator.comparingDouble(MethodPoint::accuracy).reversed()));
        List<MethodPoint> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (MethodPoint p : sorted) {
            if (p.accuracy() > best) {
                front.add(p);
                best = p.accuracy();
            }
        }
        return front;
    }
}
