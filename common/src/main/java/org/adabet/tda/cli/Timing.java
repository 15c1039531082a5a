package org.adabet.tda.cli;

import java.util.Arrays;
import java.util.function.Supplier;

/** In-process timing: warm-up runs (JIT), then the median of measured runs. */
final class Timing {

    private Timing() {}

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** Median milliseconds of {@code reps} calls after {@code warmups} unmeasured ones. */
    static double medianMillis(Supplier<?> work, int warmups, int reps) {
        Object sink = null;
        for (int w = 0; w < warmups; w++) {
            sink = work.get();
        }
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            sink = work.get();
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("benchmark produced nothing");
        }
        return median(t);
    }

    /**
     * Medians of two workloads timed alternately, run by run, so that a load change on a shared
     * machine hits both sides of a ratio alike.
     */
    static double[] interleavedMedianMillis(Supplier<?> a, Supplier<?> b, int warmups, int reps) {
        Object sink = null;
        for (int w = 0; w < warmups; w++) {
            sink = a.get();
            sink = b.get();
        }
        double[] ta = new double[reps];
        double[] tb = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            sink = a.get();
            long t1 = System.nanoTime();
            sink = b.get();
            long t2 = System.nanoTime();
            ta[r] = (t1 - t0) / 1e6;
            tb[r] = (t2 - t1) / 1e6;
        }
        if (sink == null) {
            throw new IllegalStateException("benchmark produced nothing");
        }
        return new double[] {median(ta), median(tb)};
    }
}
