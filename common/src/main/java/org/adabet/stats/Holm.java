package org.adabet.stats;

/**
 * Holm's step-down correction for m tests (S. Holm, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6(2), 1979): with the p-values sorted ascending,
 * {@code p_holm(i) = max over j <= i of min(1, (m - j + 1) * p(j))}. It controls the family-wise
 * error rate at the level it is read at, under any dependence between the tests.
 */
public final class Holm {
    private Holm() {}

    /**
     * Adjusted p-values in the order given. NaN p-values (tests that could not be run) are not in
     * the family: they stay NaN and do not count in m.
     */
    public static double[] adjust(double[] p) {
        Integer[] order =
                java.util.stream.IntStream.range(0, p.length)
                        .filter(i -> !Double.isNaN(p[i]))
                        .boxed()
                        .sorted((a, b) -> a.equals(b) ? 0 : Double.compare(p[a], p[b]))
                        .toArray(Integer[]::new);
        int m = order.length;
        double[] out = new double[p.length];
        java.util.Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int j = 0; j < m; j++) {
            double adjusted = Math.min(1.0, (m - j) * p[order[j]]);
            running = Math.max(running, adjusted);
            out[order[j]] = running;
        }
        return out;
    }
}
